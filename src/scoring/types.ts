/**
 * Scores computed for one operation. BLEU and chrF are on sacreBLEU's
 * 0–100 scale here; the families divide by 100 when they record.
 */
export interface QualityScores {
  wer?: number;
  cer?: number;
  bleu?: number;
  chrf?: number;
  comet?: number;
  naturalness?: number;
}

/** One piece of in-process scoring work, submitted by a family operation. */
export interface ScoringJob {
  /** `asr` scores WER and CER; `translation` scores BLEU and chrF. */
  readonly kind: 'asr' | 'translation';
  /** The transcript or translation. */
  readonly hypothesis: string;
  /** The reference transcript, or the translation references. */
  readonly references: readonly string[];
  /** The source text, for scorers that want it (COMET). */
  readonly source?: string;
  /** Metric attributes of the operation, for pluggable scorers' context. */
  readonly language?: string;
  /** Receives the scores, at most once. Guarded by the scheduler. */
  onScores(scores: QualityScores): void;
  /** Called exactly once when the job is finished, dropped or failed. */
  onDone(): void;
}

/** Runs scoring jobs off the request's critical path. */
export interface ScoringScheduler {
  /** Queues a job; returns false (and calls `onDone`) when it was not taken. */
  submit(job: ScoringJob): boolean;
  /** Finishes or abandons queued work within the budget. */
  shutdown(budgetMs: number): Promise<void>;
}
