import { metrics, trace, type MeterProvider, type TracerProvider } from '@opentelemetry/api';
import { checkNumberOption, SpeechmetryConfigError } from '../config/options.js';
import { resolveConfig } from '../config/resolve.js';
import { CellsSink } from '../sink/cells/index.js';
import { OtelSink } from '../sink/otel-sink.js';
import { SCOPE_NAME } from '../semconv.js';
import { SpeechTelemetry } from '../telemetry.js';
import { VERSION } from '../version.js';
import { buildContext, observeDrops } from './build.js';
import { ensureContextManager } from './globals.js';
import { createScoring, createThresholds, hasTtsScorer } from './parts.js';
import type { ScoringOptions } from '../scoring/types.js';

/**
 * Options of {@link createTelemetry}: the host's own providers, and the
 * speechmetry settings that do not concern exporting.
 * @public
 */
export interface CreateTelemetryOptions {
  /** The host's MeterProvider. Default: the global one. */
  meterProvider?: MeterProvider;
  /** The host's TracerProvider. Default: the global one. */
  tracerProvider?: TracerProvider;
  /**
   * A {@link CellsSink} whose producer the host passed to its own metric
   * readers (`metricProducers`). When given, records go through it (the
   * fast path); otherwise through the MeterProvider's instruments.
   */
  cells?: CellsSink;
  /** Put transcripts, translations and TTS text on spans. Default false. */
  captureContent?: boolean;
  /** Characters kept of each captured text. Default 256. */
  contentMaxLength?: number;
  /** Language allowlist. Default: all. */
  languages?: string[];
  /** Share of operations with references scored in-process, 0–1. Default 1. */
  qualitySampleRate?: number;
  /** In-process scoring settings and pluggable scorers. */
  scoring?: ScoringOptions;
  /** Threshold rules file. Default `SPEECHMETRY_THRESHOLDS`. */
  thresholdsFile?: string;
  /** Alertmanager base URL. Default `SPEECHMETRY_ALERTMANAGER_URL`. */
  alertmanagerUrl?: string;
  /** Budget of `shutdown()` in milliseconds. Default 5,000. */
  shutdownTimeoutMillis?: number;
  /** The environment to read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Builds a {@link SpeechTelemetry} on providers the host already has (or
 * the global ones), for teams that run the OpenTelemetry SDK themselves.
 * It registers nothing but, when none is registered, a context manager.
 * Its `shutdown()` stops speechmetry's own work and leaves the host's
 * providers running; `forceFlush()` flushes them.
 *
 * @example
 * ```ts
 * const telemetry = createTelemetry({ meterProvider, tracerProvider });
 * ```
 * @public
 */
export function createTelemetry(options: CreateTelemetryOptions = {}): SpeechTelemetry {
  if (options === null || typeof options !== 'object') {
    throw new SpeechmetryConfigError('options', 'must be an object');
  }
  if (options.cells !== undefined && !(options.cells instanceof CellsSink)) {
    throw new SpeechmetryConfigError('cells', 'must be a CellsSink');
  }
  checkNumberOption('qualitySampleRate', options.qualitySampleRate, 0, 1);
  const env = options.env ?? process.env;
  const config = resolveConfig({
    captureContent: options.captureContent,
    contentMaxLength: options.contentMaxLength,
    languages: options.languages,
    qualitySampleRate: options.qualitySampleRate,
    thresholdsFile: options.thresholdsFile,
    alertmanagerUrl: options.alertmanagerUrl,
    shutdownTimeoutMillis: options.shutdownTimeoutMillis,
  }, env);
  const meterProvider = options.meterProvider ?? metrics.getMeterProvider();
  const tracerProvider = options.tracerProvider ?? trace.getTracerProvider();
  ensureContextManager();
  observeDrops(meterProvider);
  const scoring = createScoring(config, env, options.scoring);
  const { ctx, recorder } = buildContext({
    sink: options.cells ?? new OtelSink(meterProvider.getMeter(SCOPE_NAME, VERSION)),
    tracer: tracerProvider.getTracer(SCOPE_NAME, VERSION),
    languages: config.languages,
    captureContent: config.captureContent,
    contentMaxLength: config.contentMaxLength,
    scoring,
    ttsScoring: hasTtsScorer(options.scoring),
    cacheLimit: config.cardinalityLimit,
  });
  const thresholds = createThresholds(config, env, recorder);
  const flushable = [meterProvider, tracerProvider] as Array<{ forceFlush?: () => Promise<void> }>;
  return new SpeechTelemetry(ctx, thresholds, {
    async forceFlush() {
      await Promise.allSettled(flushable.map((p) => p.forceFlush?.()));
    },
    async shutdown() {
      await thresholds.shutdown();
      await scoring?.shutdown(config.shutdownTimeoutMillis / 2);
      recorder.close();
      await Promise.allSettled(flushable.map((p) => p.forceFlush?.()));
    },
  }, config.shutdownTimeoutMillis);
}
