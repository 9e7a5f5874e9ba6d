/**
 * A COMET scorer for speechmetry's in-process scoring: it posts each
 * sampled translation to a team's scoring service and records the answer
 * as `speech.translation.quality.comet`.
 *
 * The service is assumed to take `{"src", "mt", "ref"}` as JSON and answer
 * `{"score": 0.83}` (or `{"scores": [0.83]}`, the shape of COMET's own
 * batch output). Adapt `toBody` and `fromBody` to yours.
 *
 * ```ts
 * import { startTelemetry } from 'speechmetry';
 * const telemetry = startTelemetry({
 *   scoring: { scorers: [cometScorer({ url: 'http://comet.internal/score' })] },
 * });
 * ```
 */
// In a service: `import type { AsyncScorer } from 'speechmetry';`
import type { AsyncScorer, AsyncScorerInput } from '../src/index.js';

/** Options of {@link cometScorer}. */
export interface CometScorerOptions {
  /** The scoring endpoint. */
  readonly url: string | URL;
  /** Extra request headers, e.g. an authorization token. Default none. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Share of sampled translations sent, 0–1. Default 0.1. */
  readonly sampleRate?: number;
  /** Milliseconds before a call is abandoned. Default 5000. */
  readonly timeoutMs?: number;
  /** Requests in flight at once. Default 2. */
  readonly maxConcurrent?: number;
  /** The fetch to use. Default the global one. */
  readonly fetch?: typeof fetch;
}

function toBody(input: AsyncScorerInput): string {
  return JSON.stringify({
    src: input.source ?? '', mt: input.hypothesis, ref: input.references[0] ?? '',
  });
}

function fromBody(body: unknown): number {
  const b = body as { score?: unknown; scores?: unknown[] };
  // Anything else is passed on as is: the scheduler rejects and counts
  // a result that is not a number in 0–1.
  return (b?.score ?? b?.scores?.[0]) as number;
}

/** Builds an {@link AsyncScorer} that asks a COMET service over HTTP. */
export function cometScorer(options: CometScorerOptions): AsyncScorer {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'comet-http',
    kind: 'translation',
    metric: 'comet',
    sampleRate: options.sampleRate ?? 0.1,
    timeoutMs: options.timeoutMs ?? 5000,
    maxConcurrent: options.maxConcurrent ?? 2,
    async score(input, signal) {
      const res = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: toBody(input),
        signal,
      });
      if (!res.ok) throw new Error(`COMET service answered ${res.status}`);
      return fromBody(await res.json());
    },
  };
}
