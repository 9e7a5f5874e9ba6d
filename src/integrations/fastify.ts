/**
 * Fastify integration: a plugin whose `onRequest` hook runs the rest of
 * each request with its correlation ID (and trace context and baggage)
 * in force.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { speechmetryPlugin } from 'speechmetry/fastify';
 * const app = Fastify();
 * await app.register(speechmetryPlugin);
 * ```
 *
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  runRequest,
  type CorrelationIntegrationOptions,
} from '../correlation/inbound.js';

export type { CorrelationIntegrationOptions } from '../correlation/inbound.js';

/** The parts of a Fastify request and reply the hook uses. */
interface HookRequest {
  raw: IncomingMessage;
}
interface HookReply {
  raw: ServerResponse;
  header(name: string, value: string): unknown;
}
type Done = (err?: Error) => void;

/** The part of a Fastify instance the plugin uses. */
export interface FastifyLike {
  /** Registers the `onRequest` hook that opens the correlation scope. */
  addHook(
    name: 'onRequest',
    hook: (request: HookRequest, reply: HookReply, done: Done) => void,
  ): unknown;
}

/**
 * The plugin function. `Symbol.for('skip-override')` (what
 * `fastify-plugin` sets) tells Fastify not to encapsulate it, so the hook
 * lands on the instance it is registered on and covers every route,
 * including routes of child plugins registered before or after it.
 */
function plugin(
  fastify: FastifyLike,
  options: CorrelationIntegrationOptions | undefined,
  done: Done,
): void {
  const echo = options?.echo !== false;
  fastify.addHook('onRequest', (request, reply, next) => {
    const set = echo ? (name: string, id: string) => void reply.header(name, id) : undefined;
    // `next` continues Fastify's hook chain, and through it the handler,
    // inside the context; the request stream is bound so body parsing
    // resumes the chain in the same context.
    runRequest(request.raw, reply.raw, set, () => next());
  });
  done();
}

/**
 * The Fastify (4 or 5) plugin: `await app.register(speechmetryPlugin)`,
 * optionally with {@link CorrelationIntegrationOptions}. Register it on
 * the root instance to cover the whole app.
 * @public
 */
export const speechmetryPlugin = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'speechmetry',
});
