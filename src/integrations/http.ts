/**
 * `node:http` integration: wraps a request listener so each request runs
 * with its correlation ID (and trace context and baggage) in force.
 *
 * @example
 * ```ts
 * import http from 'node:http';
 * import { instrumentHandler } from 'speechmetry/http';
 * http.createServer(instrumentHandler((req, res) => res.end('ok')));
 * ```
 *
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  echoOn,
  runRequest,
  type CorrelationIntegrationOptions,
} from '../correlation/inbound.js';

export type { CorrelationIntegrationOptions } from '../correlation/inbound.js';

/**
 * Wraps a `node:http` (or `node:https`, `http2` compatibility) request
 * listener: reads and validates the inbound ID (a fresh one when absent
 * or invalid), echoes it on the response, and calls `listener` inside
 * that ID's context. The listener's own errors pass through unchanged.
 * @public
 */
export function instrumentHandler<
  Req extends IncomingMessage = IncomingMessage,
  Res extends ServerResponse = ServerResponse,
>(
  listener: (req: Req, res: Res) => void,
  options?: CorrelationIntegrationOptions,
): (req: Req, res: Res) => void {
  return function speechmetryHandler(this: unknown, req, res) {
    runRequest(req, res, echoOn(res, options), () => listener.call(this, req, res));
  };
}
