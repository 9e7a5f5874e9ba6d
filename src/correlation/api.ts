import type { RequestOptions } from 'node:http';
import { reporter } from '../internal/report.js';
import type { CorrelationCarrier } from './carrier.js';
import { configure, type CorrelationOptions } from './config.js';
import { currentCorrelationId, runWithId } from './context.js';
import { freshId, isValidCorrelationId } from './id.js';
import { logFields, type CorrelationLogFields } from './logs.js';
import { requestOptions, wrapFetch } from './outbound.js';
import { extract, inboundContext, inject } from './propagate.js';

/**
 * Correlation IDs that follow a request across services, queues and
 * logs. See {@link correlation}.
 * @public
 */
export interface Correlation {
  /** The current ID, or `undefined` outside a request or `run`. */
  id(): string | undefined;
  /**
   * Runs `fn` with `id` as the current ID (also in the OpenTelemetry
   * context and baggage) and returns what `fn` returns. An `id` that is
   * missing or invalid is replaced by a fresh one (invalid ones are
   * counted as `invalid_correlation_id`).
   */
  run<T>(id: string | undefined, fn: () => T): T;
  /**
   * Runs `fn` as the continuation of work a carrier (a message's headers)
   * describes: its ID as `extract` reads it, and its trace context and
   * baggage unless a span or baggage is already current.
   */
  runFrom<T>(carrier: CorrelationCarrier, fn: () => T): T;
  /**
   * The ID that inbound headers or message headers carry when it is
   * valid, else a fresh one. Reads the configured header, then the
   * aliases, then the baggage member. Never throws.
   */
  extract(carrier: CorrelationCarrier | undefined): string;
  /**
   * Writes the current ID, baggage (ID member included) and trace
   * context into `carrier` and returns it. Never throws and never writes
   * a value Node or fetch would reject.
   */
  inject<C extends CorrelationCarrier>(carrier: C): C;
  /**
   * Wraps `fetch` so calls to allowed hosts carry the ID, baggage and
   * trace context. See `propagationHosts`.
   */
  wrapFetch<F extends typeof fetch>(fetchFn: F): F;
  /**
   * A copy of `node:http` request options (or a URL) with the ID,
   * baggage and trace context added when the host is allowed.
   */
  requestOptions(
    options: RequestOptions | string | URL,
    defaultProtocol?: 'http:' | 'https:',
  ): RequestOptions;
  /**
   * Sets code options (each call replaces the previous ones). Throws a
   * `CorrelationConfigError` naming the field when one is invalid.
   */
  configure(options?: CorrelationOptions): void;
  /** `{ correlation_id, trace_id, span_id }` for log records; pino's `mixin`. */
  logFields(): CorrelationLogFields;
  /** Whether a string is acceptable as an ID (1–128 of `[A-Za-z0-9._:-]`). */
  isValid(value: unknown): value is string;
}

function run<T>(id: string | undefined, fn: () => T): T {
  let use = id;
  if (!isValidCorrelationId(use)) {
    if (use !== undefined) {
      reporter().drop('invalid_correlation_id', 'run', 'replaced by a fresh ID');
    }
    use = freshId();
  }
  return runWithId(use, fn);
}

function runFrom<T>(carrier: CorrelationCarrier, fn: () => T): T {
  let entered: ReturnType<typeof inboundContext> | undefined;
  try {
    entered = inboundContext(carrier);
  } catch {
    entered = undefined;
  }
  if (entered === undefined) return run(undefined, fn);
  return runWithId(entered.id, fn, entered.ctx);
}

/**
 * The correlation API.
 *
 * @example
 * ```ts
 * import { correlation } from 'speechmetry';
 * const id = correlation.extract(message.headers);
 * await correlation.run(id, () => handle(message));
 * ```
 * @public
 */
export const correlation: Correlation = Object.freeze({
  id: currentCorrelationId,
  run,
  runFrom,
  extract: (carrier: CorrelationCarrier | undefined) => extract(carrier),
  inject,
  wrapFetch,
  requestOptions,
  configure,
  logFields,
  isValid: isValidCorrelationId,
});
