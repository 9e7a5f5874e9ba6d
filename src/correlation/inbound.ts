import type { IncomingMessage, ServerResponse } from 'node:http';
import { reporter } from '../internal/report.js';
import { carrierGetter } from './carrier.js';
import { settings } from './config.js';
import { contextWithId, runInside } from './context.js';
import { bindEmitter, type Enter } from './emitter.js';
import { inboundContext } from './propagate.js';

/**
 * Options shared by the `node:http`, Express and Fastify integrations.
 * @public
 */
export interface CorrelationIntegrationOptions {
  /**
   * Whether the ID in force (the inbound one when valid, else the fresh
   * one) is set on the response under the configured header.
   * Default: `true`.
   */
  echo?: boolean;
}

/** Sets the echoed header; each framework has its own way. */
export type Echo = (name: string, id: string) => void;

/**
 * Node joins a repeated unknown header into one string with `, `. A comma
 * makes a value invalid, so before rejecting it the distinct values are
 * read: repeats that all agree are accepted.
 */
function requestReader(req: IncomingMessage): (name: string) => unknown {
  return (name) => {
    const value = req.headers[name];
    if (typeof value === 'string' && value.includes(',')) {
      return req.headersDistinct[name];
    }
    return value;
  };
}

/**
 * Runs `next` (the rest of the request) with the request's ID, trace
 * context and baggage in force, after echoing the ID. Listeners later
 * added to the request and response streams keep that context. If the
 * correlation step itself fails, `next` runs anyway, without it.
 */
export function runRequest<T>(
  req: IncomingMessage,
  res: ServerResponse,
  echo: Echo | undefined,
  next: () => T,
): T {
  let entered: ReturnType<typeof inboundContext>;
  try {
    entered = inboundContext(req.headers, carrierGetter, requestReader(req));
    echo?.(settings().header, entered.id);
  } catch {
    reporter().warnOnce('correlation:request', () =>
      'correlation could not read a request; it ran without an ID');
    return next();
  }
  const { id } = entered;
  const ctx = contextWithId(entered.ctx, id);
  const enter: Enter = (fn, thisArg, args) => runInside(id, ctx, fn, thisArg, args);
  bindEmitter(req, enter);
  bindEmitter(res, enter);
  return runInside(id, ctx, next, undefined, []);
}

/** The echo for a plain `node:http` response. */
export function echoOn(res: ServerResponse, options?: CorrelationIntegrationOptions) {
  if (options?.echo === false) return undefined;
  return (name: string, id: string) => {
    if (!res.headersSent) res.setHeader(name, id);
  };
}
