/**
 * Scripted failures of the OTLP receiver, for testing how exporters
 * behave when the backend misbehaves.
 */

/**
 * What the receiver does with one export request instead of accepting it.
 *
 * - `refuse`: destroys the connection without an answer (the sender sees
 *   a reset socket).
 * - `hang`: reads the request and never answers, until the receiver closes.
 * - `slow`: accepts the request but answers after `delayMs` milliseconds.
 * - `status`: answers with the HTTP `status` (429, 503, …), an optional
 *   `Retry-After` header (seconds or an HTTP date) and nothing is kept.
 * - `garbage`: answers 200 with a body that is not a valid
 *   ExportServiceResponse; the data is kept.
 */
export type OtlpFault =
  | { kind: 'refuse' }
  | { kind: 'hang' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'status'; status: number; retryAfter?: number | string }
  | { kind: 'garbage' };

/** The signal an export request carries. */
export type OtlpSignal = 'metrics' | 'traces';

/** What a fault hook knows about the request it decides on. */
export interface OtlpRequestInfo {
  signal: OtlpSignal;
  /** 1-based count of requests to this signal's path, faulted ones included. */
  attempt: number;
  /** Bytes of the body as sent (compressed when it was). */
  wireBytes: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Decides per request; `undefined` means answer normally. */
export type OtlpFaultHook = (info: OtlpRequestInfo) => OtlpFault | undefined;

/** A hook that applies `fault` to the next `count` requests (of `signal`). */
export function failNext(
  count: number,
  fault: OtlpFault,
  signal?: OtlpSignal,
): OtlpFaultHook {
  let left = count;
  return (info) => {
    if (signal !== undefined && info.signal !== signal) return undefined;
    if (left <= 0) return undefined;
    left--;
    return fault;
  };
}
