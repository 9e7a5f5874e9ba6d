/**
 * Scores computed for one operation. BLEU and chrF are on sacreBLEU's
 * 0–100 scale here; the families divide by 100 when they record.
 */
export interface QualityScores {
  /** Word error rate, 0 or more (above 1 when words are inserted). */
  wer?: number;
  /** Character error rate, 0 or more (above 1 with insertions). */
  cer?: number;
  /** Sentence BLEU, 0–100. */
  bleu?: number;
  /** Sentence chrF, 0–100. */
  chrf?: number;
  /** COMET estimate from a pluggable scorer, 0–1. */
  comet?: number;
  /** TTS naturalness as a mean opinion score, 1–5. */
  naturalness?: number;
}

/** The task a scoring job comes from. @public */
export type ScoringKind = 'asr' | 'translation' | 'tts';

/** One piece of in-process scoring work, submitted by a family operation. */
export interface ScoringJob {
  /**
   * `asr` scores WER and CER; `translation` scores BLEU and chrF; `tts`
   * has no built-in score and goes to the pluggable scorers only.
   */
  readonly kind: ScoringKind;
  /** The transcript or translation. */
  readonly hypothesis: string;
  /** The reference transcript, or the translation references. */
  readonly references: readonly string[];
  /** The source text, for scorers that want it (COMET). */
  readonly source?: string;
  /** Normalised BCP-47 tag of the hypothesis (translation: target). */
  readonly language?: string;
  /** Anything a pluggable scorer needs beyond text (TTS audio, say). */
  readonly payload?: unknown;
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

/** What a pluggable scorer is given for one job. @public */
export interface AsyncScorerInput {
  /** The family the job comes from. */
  readonly kind: ScoringKind;
  /** The transcript, translation or synthesised text. */
  readonly hypothesis: string;
  /** Reference texts (empty for TTS jobs, which have none). */
  readonly references: readonly string[];
  /** The source text, when the caller gave it (COMET wants it). */
  readonly source?: string;
  /** Normalised BCP-47 tag of the hypothesis (translation: target). */
  readonly language?: string;
  /** Data beyond text; TTS passes `{ audio, audioFormat }`. */
  readonly payload?: unknown;
}

/**
 * A scorer that runs outside Node or takes time: a COMET service, a MOS
 * predictor for TTS naturalness. The scheduler samples it, caps its
 * concurrency, aborts it after the timeout, and checks its result; a
 * scorer that throws, hangs or returns garbage is counted
 * (`scorer_failed`) and never reaches the host.
 * @public
 */
export interface AsyncScorer {
  /** Names the scorer in warnings and drop counts. */
  readonly name: string;
  /** The jobs it scores. */
  readonly kind: ScoringKind;
  /**
   * The score a plain number result is recorded as. Default `comet` for
   * translation, `naturalness` for TTS, `wer` for ASR.
   */
  readonly metric?: keyof QualityScores;
  /** Share of the scheduler's sampled jobs it sees, 0–1. Default 1. */
  readonly sampleRate?: number;
  /** Milliseconds before the call is aborted. Default 10000. */
  readonly timeoutMs?: number;
  /** Calls in flight at once; more are skipped and counted. Default 4. */
  readonly maxConcurrent?: number;
  /**
   * Scores one job. Resolve with a number (recorded as `metric`) or with
   * named scores; honour `signal`, which aborts on timeout and shutdown.
   */
  score(input: AsyncScorerInput, signal: AbortSignal): Promise<number | Partial<QualityScores>>;
}

/** Options of the in-process scoring scheduler. @public */
export interface ScoringOptions {
  /**
   * Share of jobs scored, 0–1. Default `SPEECHMETRY_QUALITY_SAMPLE_RATE`,
   * else 1.
   */
  readonly sampleRate?: number;
  /** Jobs queued or in progress before new ones are dropped. Default 1000. */
  readonly maxQueue?: number;
  /**
   * Total characters (hypothesis plus references) above which the
   * built-in scores are computed in a worker thread. Default 2000.
   */
  readonly workerThresholdChars?: number;
  /** Pluggable scorers, run after the built-in ones. Default none. */
  readonly scorers?: readonly AsyncScorer[];
}
