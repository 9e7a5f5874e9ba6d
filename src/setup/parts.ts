import type { Env } from '../config/env.js';
import type { ResolvedConfig } from '../config/resolve.js';
import type { Recorder } from '../sink/recorder.js';
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
export function createThresholds(config: ResolvedConfig, env: Env, recorder: Recorder): ThresholdMonitor {
  const parsed = config.thresholdsFile === undefined
    ? undefined
    : config.thresholdsFromEnv ? loadThresholdsFromEnv(env) : loadThresholds(config.thresholdsFile);
  const monitor = new ThresholdMonitor({
    rules: parsed?.rules ?? [],
    evaluationIntervalMs: parsed?.evaluationIntervalMs,
    recorder,
    alertmanager: config.alertmanagerUrl === undefined ? undefined : { url: config.alertmanagerUrl },
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
