import { AsrFamily } from './families/asr.js';
import type { FamilyContext } from './families/context.js';
import { PipelineFamily } from './families/pipeline.js';
import { TranslationFamily } from './families/translation.js';
import { TtsFamily } from './families/tts.js';
import { reporter, type DropReason } from './internal/report.js';
import type { ThresholdMonitor } from './thresholds/monitor.js';

/** Self-observability: what speechmetry dropped and why. @public */
export interface TelemetryStatus {
  /** Values dropped, by reason. */
  dropped: Record<DropReason, number>;
  /** True after `shutdown()`. */
  shutDown: boolean;
}

/** How a {@link SpeechTelemetry} flushes and stops what it owns. */
export interface Lifecycle {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The handle a service keeps: the four instrument families, the threshold
 * monitor, and the flush and shutdown of what speechmetry set up.
 * @public
 */
export class SpeechTelemetry {
  /** Speech recognition. */
  readonly asr: AsrFamily;
  /** Machine translation. */
  readonly translation: TranslationFamily;
  /** Speech synthesis. */
  readonly tts: TtsFamily;
  /** Speech-to-speech turns. */
  readonly pipeline: PipelineFamily;
  /** Local threshold checks. */
  readonly thresholds: ThresholdMonitor;
  private closing: Promise<void> | undefined;

  /** @internal */
  constructor(
    ctx: FamilyContext,
    thresholds: ThresholdMonitor,
    private readonly lifecycle: Lifecycle,
    private readonly budgetMs: number,
  ) {
    this.asr = new AsrFamily(ctx);
    this.translation = new TranslationFamily(ctx);
    this.tts = new TtsFamily(ctx);
    this.pipeline = new PipelineFamily(ctx, {
      asr: this.asr,
      translation: this.translation,
      tts: this.tts,
    });
    this.thresholds = thresholds;
  }

  /** Exports what was recorded so far. Never rejects. */
  async forceFlush(): Promise<void> {
    if (this.closing !== undefined) return;
    await withBudget(this.lifecycle.forceFlush(), this.budgetMs);
  }

  /**
   * Flushes what was recorded and stops exporting. Idempotent; resolves
   * within its budget (`shutdownTimeoutMillis`) even when the backend is
   * unreachable. Recording afterwards is a counted no-op.
   */
  shutdown(): Promise<void> {
    this.closing ??= withBudget(this.lifecycle.shutdown(), this.budgetMs);
    return this.closing;
  }

  /** What was dropped so far, by reason, and whether shutdown ran. */
  status(): TelemetryStatus {
    return { dropped: reporter().dropped(), shutDown: this.closing !== undefined };
  }
}

/** Resolves when `work` settles or the budget runs out, whichever is first. */
export async function withBudget(work: Promise<unknown>, budgetMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budgetMs);
    timer.unref();
  });
  try {
    await Promise.race([work.then(() => undefined, () => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
