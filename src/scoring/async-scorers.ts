import { reporter } from '../internal/report.js';
import { checkResult } from './validate.js';
import type { AsyncScorer, AsyncScorerInput, QualityScores } from './types.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CONCURRENCY = 4;

/** One pluggable scorer with its sampling, concurrency cap and timeout. */
export class ScorerSlot {
  private inFlight = 0;
  private readonly calls = new Set<AbortController>();
  readonly rate: number;
  readonly timeoutMs: number;
  readonly maxConcurrent: number;

  constructor(readonly scorer: AsyncScorer, private readonly random: () => number) {
    this.rate = scorer.sampleRate ?? 1;
    this.timeoutMs = scorer.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxConcurrent = scorer.maxConcurrent ?? DEFAULT_CONCURRENCY;
  }

  /** Whether this job is for the scorer and sampled in. */
  wants(input: AsyncScorerInput): boolean {
    return input.kind === this.scorer.kind && this.random() < this.rate;
  }

  /**
   * Runs the scorer once. Resolves with its checked scores, or undefined
   * when it was skipped or failed (counted); never rejects.
   */
  async run(input: AsyncScorerInput): Promise<QualityScores | undefined> {
    const name = this.scorer.name;
    if (this.inFlight >= this.maxConcurrent) {
      reporter().drop('queue_full', `scorer ${name}`, 'skipped (concurrency cap)');
      return undefined;
    }
    const controller = new AbortController();
    this.inFlight++;
    this.calls.add(controller);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
        // A hung scorer must not keep the host's process alive.
        timer.unref();
      });
      const result = await Promise.race([this.call(input, controller.signal), timeout]);
      if (result === 'timeout') {
        reporter().drop('scorer_failed', `scorer ${name}`, `aborted after ${this.timeoutMs} ms`);
        return undefined;
      }
      const scores = checkResult(this.scorer, result.value);
      if (result.failed || scores === undefined) {
        reporter().drop('scorer_failed', `scorer ${name}`,
          result.failed ? 'it threw; ignored' : 'result not a valid score; ignored');
        return undefined;
      }
      return scores;
    } finally {
      clearTimeout(timer);
      controller.abort();
      this.calls.delete(controller);
      this.inFlight--;
    }
  }

  private async call(
    input: AsyncScorerInput, signal: AbortSignal,
  ): Promise<{ failed: boolean; value?: unknown }> {
    try {
      return { failed: false, value: await this.scorer.score(input, signal) };
    } catch {
      return { failed: true };
    }
  }

  /** Aborts every call in flight (shutdown). */
  abortAll(): void {
    for (const c of this.calls) c.abort();
  }
}
