/**
 * Express integration: a middleware that runs the rest of the request
 * with its correlation ID (and trace context and baggage) in force.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { speechmetryMiddleware } from 'speechmetry/express';
 * const app = express();
 * app.use(speechmetryMiddleware()); // first, before body parsers
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
 * An Express (4 or 5) middleware, typed on Node's request and response
 * so it needs no Express types. Register it first: it reads and
 * validates the inbound ID (a fresh one when absent or invalid), echoes
 * it, and calls `next` inside its context, which later middleware, body
 * parsers included, and the route handler inherit.
 * @public
 */
export function speechmetryMiddleware(
  options?: CorrelationIntegrationOptions,
): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  return function speechmetryCorrelation(req, res, next) {
    runRequest(req, res, echoOn(res, options), () => next());
  };
}
