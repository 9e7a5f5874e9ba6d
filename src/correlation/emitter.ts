import type { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => void;
type Method = (event: string | symbol, listener: Listener) => EventEmitter;
type Wrapped = Listener & { listener?: unknown };

/** Calls a listener inside the request's context. */
export type Enter = (fn: Listener, thisArg: unknown, args: unknown[]) => unknown;

const BOUND = Symbol.for('speechmetry.correlation.bound-emitter');

/**
 * Makes every listener added to `emitter` from now on run through `enter`,
 * inside the request's context. A request stream emits `data` and `end`
 * from the socket's context, not the request's, so without this a
 * listener (a callback-style body reader) runs with the request's ID lost.
 * `enter` restores speechmetry's storage and the OpenTelemetry context
 * only: `AsyncResource.bind`, which would restore every store, costs tens
 * of microseconds per listener on Node 20 (bench/middleware.mjs).
 *
 * `once` and `prependOnceListener` go through `on`/`prependListener`, so
 * only those two add; removal looks through the wrapper (and a `once`
 * wrapper inside it) so both `removeListener(fn)` and a `once` wrapper
 * removing itself find the right entry.
 */
export function bindEmitter(emitter: EventEmitter, enter: Enter): void {
  const marked = emitter as EventEmitter & { [BOUND]?: true };
  if (marked[BOUND]) return;
  marked[BOUND] = true;

  const on = wrapAdder(emitter, emitter.on, enter);
  emitter.on = on;
  emitter.addListener = on;
  emitter.prependListener = wrapAdder(emitter, emitter.prependListener, enter);
  const remove = wrapRemover(emitter, emitter.removeListener);
  emitter.removeListener = remove;
  emitter.off = remove;
}

function wrapAdder(emitter: EventEmitter, add: Method, enter: Enter): Method {
  return function (event, listener) {
    if (typeof listener !== 'function') return add.call(emitter, event, listener);
    const bound: Wrapped = function (this: unknown, ...args: unknown[]) {
      return enter(listener, this, args);
    };
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
