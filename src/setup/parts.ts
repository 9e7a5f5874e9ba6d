import type { Env } from '../config/env.js';
import type { ResolvedConfig } from '../config/resolve.js';
import type { Tracer } from '@opentelemetry/api';
import type { FamilyContext } from '../families/context.js';
import type { Recorder } from '../sink/recorder.js';
import type { MetricSink } from '../sink/types.js';
import { buildContext } from './build.js';
import { createScoringScheduler } from '../scoring/scheduler.js';
import type { ScoringOptions, ScoringScheduler } from '../scoring/types.js';
import { ThresholdMonitor } from '../thresholds/monitor.js';
import { loadThresholds, loadThresholdsFromEnv } from '../thresholds/load.js';

/**
 * The threshold monitor: rules from the code option (a bad file throws,
 * at setup) or from `SPEECHMETRY_THRESHOLDS` (a bad rule warns and is
 * disabled). It feeds from the recorder's series and records its own
 * metrics through it.
 */
export function createThresholds(
  config: ResolvedConfig,
  env: Env,
  recorder: Recorder,
): ThresholdMonitor {
  const parsed = config.thresholdsFile === undefined
    ? undefined
    : config.thresholdsFromEnv ? loadThresholdsFromEnv(env) : loadThresholds(config.thresholdsFile);
  const monitor = new ThresholdMonitor({
    rules: parsed?.rules ?? [],
    evaluationIntervalMs: parsed?.evaluationIntervalMs,
    recorder,
    alertmanager: config.alertmanagerUrl === undefined
      ? undefined
      : { url: config.alertmanagerUrl },
  });
  recorder.setFeed(monitor);
  monitor.start();
  return monitor;
}

/**
 * In-process scoring of operations that carry references: sampled at
 * `qualitySampleRate` unless the scoring options say otherwise. A rate
 * of 0 with no pluggable scorers builds nothing at all.
 */
export function createScoring(
  config: ResolvedConfig,
  env: Env,
  options: ScoringOptions = {},
): ScoringScheduler | undefined {
  const sampleRate = options.sampleRate ?? config.qualitySampleRate;
  if (sampleRate === 0) return undefined;
  return createScoringScheduler({ ...options, sampleRate, env });
}

/** True when a pluggable scorer wants TTS jobs (a MOS predictor). */
export function hasTtsScorer(options: ScoringOptions | undefined): boolean {
  return options?.scorers?.some((s) => s?.kind === 'tts') ?? false;
}

/** The speechmetry side of a telemetry object, whichever providers it uses. */
export interface Assembly {
  ctx: FamilyContext;
  thresholds: ThresholdMonitor;
  /** Stops thresholds and scoring, then refuses further records. */
  stop(): Promise<void>;
}

/**
 * Builds the family context, the scoring scheduler and the threshold
 * monitor on a sink and a tracer: the part `startTelemetry` and
 * `createTelemetry` share.
 */
export function assemble(
  config: ResolvedConfig,
  env: Env,
  sink: MetricSink,
  tracer: Tracer,
  scoringOptions: ScoringOptions | undefined,
): Assembly {
  const scoring = createScoring(config, env, scoringOptions);
  const { ctx, recorder } = buildContext({
    sink,
    tracer,
    languages: config.languages,
    captureContent: config.captureContent,
    contentMaxLength: config.contentMaxLength,
    scoring,
    ttsScoring: hasTtsScorer(scoringOptions),
    cacheLimit: config.cardinalityLimit,
  });
  const thresholds = createThresholds(config, env, recorder);
  return {
    ctx,
    thresholds,
    async stop() {
      await thresholds.shutdown();
      await scoring?.shutdown(config.shutdownTimeoutMillis / 2);
      recorder.close();
    },
  };
}
