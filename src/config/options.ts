import type { ScoringOptions } from '../scoring/types.js';

/** Metric exporters `startTelemetry` can build. @public */
export type MetricsExporterName = 'otlp' | 'prometheus' | 'console' | 'none';
/** Span exporters `startTelemetry` can build. @public */
export type TracesExporterName = 'otlp' | 'console' | 'none';
/** OTLP encodings. @public */
export type OtlpProtocol = 'http/protobuf' | 'http/json';
/** Metric temporality preference of OTLP exporters. @public */
export type TemporalityPreference = 'cumulative' | 'delta' | 'lowmemory';
/** Default histogram aggregation of OTLP exporters. @public */
export type HistogramAggregation =
  | 'explicit_bucket_histogram'
  | 'base2_exponential_bucket_histogram';

/** Options of one OTLP signal (metrics or traces). @public */
export interface OtlpSignalOptions {
  /** Full URL of the signal's endpoint, e.g. `http://127.0.0.1:4318/v1/metrics`. */
  url?: string;
  /** Headers sent with every export (API keys); never logged. */
  headers?: Record<string, string>;
  /** Encoding. Default `http/protobuf`. */
  protocol?: OtlpProtocol;
  /** Export timeout in milliseconds. Default 10,000. */
  timeoutMillis?: number;
  /** `gzip` or `none`. Default `none`. */
  compression?: 'gzip' | 'none';
}

/**
 * Options of {@link startTelemetry}. Each option overrides the matching
 * environment variable; unset options fall back to the environment, then
 * to the default named here.
 * @public
 */
export interface TelemetryOptions {
  /** `service.name` of the resource. Default: `OTEL_SERVICE_NAME`, then the SDK's default. */
  serviceName?: string;
  /** Extra resource attributes, merged over `OTEL_RESOURCE_ATTRIBUTES`. */
  resourceAttributes?: Record<string, string | number | boolean>;
  /** Metric exporters. Default: `OTEL_METRICS_EXPORTER`, then `otlp`. */
  metricsExporter?: MetricsExporterName | MetricsExporterName[];
  /** Span exporters. Default: `OTEL_TRACES_EXPORTER`, then `otlp`. */
  tracesExporter?: TracesExporterName | TracesExporterName[];
  /** OTLP metrics settings. Default: the `OTEL_EXPORTER_OTLP_*` variables. */
  otlpMetrics?: OtlpSignalOptions;
  /** OTLP traces settings. Default: the `OTEL_EXPORTER_OTLP_*` variables. */
  otlpTraces?: OtlpSignalOptions;
  /** Metric export interval in milliseconds. Default 60,000. */
  exportIntervalMillis?: number;
  /** Metric export timeout in milliseconds. Default 30,000. */
  exportTimeoutMillis?: number;
  /** Temporality preference. Default `cumulative`. */
  temporality?: TemporalityPreference;
  /** Histogram aggregation. Default `explicit_bucket_histogram`. */
  histogramAggregation?: HistogramAggregation;
  /** Prometheus scrape endpoint host. Default `OTEL_EXPORTER_PROMETHEUS_HOST`, then `localhost`. */
  prometheusHost?: string;
  /** Prometheus scrape endpoint port. Default `OTEL_EXPORTER_PROMETHEUS_PORT`, then 9464. */
  prometheusPort?: number;
  /** Register the providers globally. Default true. */
  registerGlobal?: boolean;
  /** Put transcripts, translations and TTS text on spans. Default false. */
  captureContent?: boolean;
  /** Characters kept of each captured text. Default 256. */
  contentMaxLength?: number;
  /** Language allowlist; other languages are recorded as `other`. Default: all. */
  languages?: string[];
  /** Share of operations with references that are scored in-process, 0–1. Default 1. */
  qualitySampleRate?: number;
  /**
   * In-process scoring: queue size, worker threshold and pluggable
   * scorers (COMET, MOS). Its `sampleRate` wins over `qualitySampleRate`.
   */
  scoring?: ScoringOptions;
  /** Series per metric before the overflow series. Default 2000. */
  cardinalityLimit?: number;
  /** Threshold rules file (YAML or JSON). Default `SPEECHMETRY_THRESHOLDS`. */
  thresholdsFile?: string;
  /** Alertmanager base URL for firing rules. Default `SPEECHMETRY_ALERTMANAGER_URL`. */
  alertmanagerUrl?: string;
  /** Export host and runtime metrics. Default false. */
  hostMetrics?: boolean;
  /** Shut down on SIGTERM, SIGINT and `beforeExit`. Default false. */
  shutdownOnExit?: boolean;
  /** Budget of {@link SpeechTelemetry.shutdown} in milliseconds. Default 5,000. */
  shutdownTimeoutMillis?: number;
  /** The environment to read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Thrown once, at setup, when an option supplied in code is invalid. It
 * names the option in `field`.
 * @public
 */
export class SpeechmetryConfigError extends Error {
  /** The option at fault, e.g. `exportIntervalMillis`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`speechmetry: option "${field}" ${problem}`);
    this.name = 'SpeechmetryConfigError';
    this.field = field;
  }
}

/** Throws when a code-supplied number is not finite or out of range. */
export function checkNumberOption(
  field: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new SpeechmetryConfigError(field, `must be a number from ${min} to ${max}`);
  }
}

/** Throws when a code-supplied value is not one of `allowed`. */
export function checkEnumOption(field: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (typeof v !== 'string' || !allowed.includes(v)) {
      throw new SpeechmetryConfigError(field, `must be one of ${allowed.join(', ')}`);
    }
  }
}
