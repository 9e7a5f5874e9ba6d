import { AsyncResource } from 'node:async_hooks';
import type { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => void;
type Method = (event: string | symbol, listener: Listener) => EventEmitter;
type Wrapped = Listener & { listener?: unknown };

const BOUND = Symbol.for('speechmetry.correlation.bound-emitter');

/**
 * Makes every listener added to `emitter` from now on run in the async
 * context it was added in. A request stream emits `data` and `end` from
 * the socket's context, not the request's, so without this a body parser
 * (`express.json()`, Fastify's content parsers) calls the next handler
 * with the request's ID lost.
 *
 * `once` and `prependOnceListener` go through `on`/`prependListener`, so
 * only those two add; removal looks through the wrapper (and a `once`
 * wrapper inside it) so both `removeListener(fn)` and a `once` wrapper
 * removing itself find the right entry.
 */
export function bindEmitter(emitter: EventEmitter): void {
  const marked = emitter as EventEmitter & { [BOUND]?: true };
  if (marked[BOUND]) return;
  marked[BOUND] = true;

  const on = wrapAdder(emitter, emitter.on);
  emitter.on = on;
  emitter.addListener = on;
  emitter.prependListener = wrapAdder(emitter, emitter.prependListener);
  const remove = wrapRemover(emitter, emitter.removeListener);
  emitter.removeListener = remove;
  emitter.off = remove;
}

function wrapAdder(emitter: EventEmitter, add: Method): Method {
  return function (event, listener) {
    if (typeof listener !== 'function') return add.call(emitter, event, listener);
    const bound: Wrapped = AsyncResource.bind(listener);
    bound.listener = listener;
    return add.call(emitter, event, bound);
  };
}

function wrapRemover(emitter: EventEmitter, remove: Method): Method {
  return function (event, listener) {
    for (const raw of emitter.rawListeners(event) as Wrapped[]) {
      const inner = raw.listener as Wrapped | undefined;
      if (inner === listener || (inner !== undefined && inner.listener === listener)) {
        return remove.call(emitter, event, raw);
      }
    }
    return remove.call(emitter, event, listener);
  };
}
