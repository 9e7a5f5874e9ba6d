import { AsyncLocalStorage } from 'node:async_hooks';
import {
  context,
  createContextKey,
  propagation,
  type Context,
} from '@opentelemetry/api';
import { settings } from './config.js';
import { isValidCorrelationId } from './id.js';

/**
 * Where the current ID lives. speechmetry keeps its own AsyncLocalStorage
 * and also writes the ID into the OpenTelemetry context (a context key and
 * a W3C baggage member). The own storage makes the integrations work in a
 * host that registered no OpenTelemetry context manager (the API's default
 * one forgets everything across `await`); the OpenTelemetry copy lets the
 * ID travel wherever the host's own propagation carries context.
 */

/** OpenTelemetry context key of the ID. `createContextKey` uses `Symbol.for`. */
export const CORRELATION_CONTEXT_KEY = createContextKey('speechmetry.correlation_id');

// On globalThis: the ESM build and every CommonJS subpath bundle must see
// one storage, or an ID entered by `speechmetry/express` would be invisible
// to the families imported from `speechmetry`.
const STORAGE_KEY = Symbol.for('speechmetry.correlation.storage');

function storage(): AsyncLocalStorage<string> {
  const g = globalThis as { [STORAGE_KEY]?: AsyncLocalStorage<string> };
  return (g[STORAGE_KEY] ??= new AsyncLocalStorage<string>());
}

/**
 * The correlation ID of the current request or message, or `undefined`
 * outside one. The families put it on their spans. Reads speechmetry's
 * storage first, then the OpenTelemetry context (for code that restored
 * a context with `context.with`/`context.bind`), then the baggage member
 * the host's propagation extracted (validated like any inbound ID).
 */
export function currentCorrelationId(): string | undefined {
  const id = storage().getStore();
  if (id !== undefined) return id;
  return idFromContext(context.active());
}

/** The ID an OpenTelemetry context carries, if any and valid. */
export function idFromContext(ctx: Context): string | undefined {
  const value = ctx.getValue(CORRELATION_CONTEXT_KEY);
  if (typeof value === 'string') return value;
  const member = propagation.getBaggage(ctx)?.getEntry(settings().baggageKey);
  return isValidCorrelationId(member?.value) ? member.value : undefined;
}

/** `base` with the ID set as context value and as baggage member. */
export function contextWithId(base: Context, id: string): Context {
  const bag = propagation.getBaggage(base) ?? propagation.createBaggage();
  const next = bag.setEntry(settings().baggageKey, { value: id });
  return propagation.setBaggage(base.setValue(CORRELATION_CONTEXT_KEY, id), next);
}

/**
 * Runs `fn` with `id` as the current ID, in both storages. `id` must be
 * valid already; `base` is the OpenTelemetry context to extend.
 */
export function runWithId<T>(id: string, fn: () => T, base?: Context): T {
  return runInside(id, contextWithId(base ?? context.active(), id), fn, undefined, []);
}

/**
 * Calls `fn` on `thisArg` with `args` inside `id` and `ctx` (a context
 * from {@link contextWithId}). No closure per call: the integrations use
 * it for every event a request stream emits.
 */
export function runInside<A extends unknown[], T>(
  id: string,
  ctx: Context,
  fn: (...args: A) => T,
  thisArg: unknown,
  args: A,
): T {
  return storage().run(id, callWith, ctx, fn, thisArg, args) as T;
}

function callWith<A extends unknown[], T>(
  ctx: Context,
  fn: (...args: A) => T,
  thisArg: unknown,
  args: A,
): T {
  return context.with(ctx, fn, thisArg, ...args);
}
