import { metrics, trace, type MeterProvider, type TracerProvider } from '@opentelemetry/api';
import { checkNumberOption, SpeechmetryConfigError } from '../config/options.js';
import { resolveConfig } from '../config/resolve.js';
import { CellsSink } from '../sink/cells/index.js';
import { OtelSink } from '../sink/otel-sink.js';
import { SCOPE_NAME } from '../semconv.js';
import { SpeechTelemetry } from '../telemetry.js';
import { VERSION } from '../version.js';
import { observeDrops } from './build.js';
import { ensureContextManager } from './globals.js';
import { assemble } from './parts.js';
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
  const sink = options.cells ?? new OtelSink(meterProvider.getMeter(SCOPE_NAME, VERSION));
  const tracer = tracerProvider.getTracer(SCOPE_NAME, VERSION);
  const parts = assemble(config, env, sink, tracer, options.scoring);
  const flushable = [meterProvider, tracerProvider] as Array<{ forceFlush?: () => Promise<void> }>;
  const flush = async (): Promise<void> => {
    await Promise.allSettled(flushable.map((p) => p.forceFlush?.()));
  };
  // The providers are the host's: flushed, never shut down.
  return new SpeechTelemetry(parts.ctx, parts.thresholds, {
    forceFlush: flush,
    async shutdown() {
      await parts.stop();
      await flush();
    },
  }, config.shutdownTimeoutMillis);
}
