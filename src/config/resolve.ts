import type { Env } from './env.js';
import {
  envBoolean, envEnum, envInteger, envList, envNumber, envString, envUrl,
} from './env.js';
import type {
  HistogramAggregation,
  MetricsExporterName,
  OtlpProtocol,
  OtlpSignalOptions,
  TelemetryOptions,
  TemporalityPreference,
  TracesExporterName,
} from './options.js';
import { checkEnumOption, checkNumberOption, SpeechmetryConfigError } from './options.js';
import { reporter } from '../internal/report.js';

/** Allowed values, one list each: they feed the checks and the warnings. */
export const METRICS_EXPORTERS = ['otlp', 'prometheus', 'console', 'none'] as const;
export const TRACES_EXPORTERS = ['otlp', 'console', 'none'] as const;
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export const TEMPORALITIES = ['cumulative', 'delta', 'lowmemory'] as const;
export const HISTOGRAM_AGGREGATIONS = [
  'explicit_bucket_histogram',
  'base2_exponential_bucket_histogram',
] as const;

/**
 * Longest delay Node's timers take (2^31 - 1 ms). A longer interval or
 * timeout is not an error to Node: it warns and fires after 1 ms, which
 * would turn a huge export interval into an export every millisecond.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** Everything setup needs, options and environment merged. */
export interface ResolvedConfig {
  disabled: boolean;
  serviceName: string | undefined;
  resourceAttributes: Record<string, string | number | boolean>;
  metricsExporters: MetricsExporterName[];
  tracesExporters: TracesExporterName[];
  otlpMetrics: Required<Pick<OtlpSignalOptions, 'url' | 'protocol'>> & OtlpSignalOptions;
  otlpTraces: Required<Pick<OtlpSignalOptions, 'url' | 'protocol'>> & OtlpSignalOptions;
  exportIntervalMillis: number;
  exportTimeoutMillis: number;
  temporality: TemporalityPreference;
  histogramAggregation: HistogramAggregation;
  prometheusHost: string;
  prometheusPort: number;
  registerGlobal: boolean;
  captureContent: boolean;
  contentMaxLength: number;
  languages: string[] | undefined;
  qualitySampleRate: number;
  cardinalityLimit: number;
  thresholdsFile: string | undefined;
  /** True when the rules file came from `SPEECHMETRY_THRESHOLDS`, not code. */
  thresholdsFromEnv: boolean;
  alertmanagerUrl: string | undefined;
  hostMetrics: boolean;
  shutdownOnExit: boolean;
  shutdownTimeoutMillis: number;
}

/** Validates code options; throws {@link SpeechmetryConfigError} naming the field. */
export function checkOptions(o: TelemetryOptions): void {
  if (o === null || typeof o !== 'object') {
    throw new SpeechmetryConfigError('options', 'must be an object');
  }
  checkEnumOption('metricsExporter', o.metricsExporter, METRICS_EXPORTERS);
  checkEnumOption('tracesExporter', o.tracesExporter, TRACES_EXPORTERS);
  checkEnumOption('temporality', o.temporality, TEMPORALITIES);
  checkEnumOption('histogramAggregation', o.histogramAggregation, HISTOGRAM_AGGREGATIONS);
  checkEnumOption('otlpMetrics.protocol', o.otlpMetrics?.protocol, OTLP_PROTOCOLS);
  checkEnumOption('otlpTraces.protocol', o.otlpTraces?.protocol, OTLP_PROTOCOLS);
  checkNumberOption('exportIntervalMillis', o.exportIntervalMillis, 1, MAX_TIMER_MS);
  checkNumberOption('exportTimeoutMillis', o.exportTimeoutMillis, 1, MAX_TIMER_MS);
  checkNumberOption('prometheusPort', o.prometheusPort, 0, 65535);
  checkNumberOption('contentMaxLength', o.contentMaxLength, 1, 1_000_000);
  checkNumberOption('qualitySampleRate', o.qualitySampleRate, 0, 1);
  checkNumberOption('cardinalityLimit', o.cardinalityLimit, 2, 1_000_000);
  checkNumberOption('shutdownTimeoutMillis', o.shutdownTimeoutMillis, 0, MAX_TIMER_MS);
  checkNumberOption('otlpMetrics.timeoutMillis', o.otlpMetrics?.timeoutMillis, 1, MAX_TIMER_MS);
  checkNumberOption('otlpTraces.timeoutMillis', o.otlpTraces?.timeoutMillis, 1, MAX_TIMER_MS);
  for (const field of ['otlpMetrics', 'otlpTraces'] as const) {
    const url = o[field]?.url;
    if (url !== undefined && !isHttpUrl(url)) {
      throw new SpeechmetryConfigError(`${field}.url`, 'must be an http(s) URL');
    }
  }
  if (o.alertmanagerUrl !== undefined && !isHttpUrl(o.alertmanagerUrl)) {
    throw new SpeechmetryConfigError('alertmanagerUrl', 'must be an http(s) URL');
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Merges code options over the environment. */
export function resolveConfig(o: TelemetryOptions, env: Env): ResolvedConfig {
  checkOptions(o);
  return {
    disabled: envBoolean(env, 'OTEL_SDK_DISABLED', false),
    serviceName: o.serviceName ?? envString(env, 'OTEL_SERVICE_NAME'),
    resourceAttributes: {
      ...parseKeyValues(env, 'OTEL_RESOURCE_ATTRIBUTES'),
      ...o.resourceAttributes,
    },
    metricsExporters: listOf(o.metricsExporter) ??
      exporterList(env, 'OTEL_METRICS_EXPORTER', METRICS_EXPORTERS),
    tracesExporters: listOf(o.tracesExporter) ??
      exporterList(env, 'OTEL_TRACES_EXPORTER', TRACES_EXPORTERS),
    otlpMetrics: resolveSignal(env, 'METRICS', o.otlpMetrics),
    otlpTraces: resolveSignal(env, 'TRACES', o.otlpTraces),
    exportIntervalMillis: o.exportIntervalMillis ??
      envNumber(env, 'OTEL_METRIC_EXPORT_INTERVAL', 60_000, 1, MAX_TIMER_MS),
    exportTimeoutMillis: o.exportTimeoutMillis ??
      envNumber(env, 'OTEL_METRIC_EXPORT_TIMEOUT', 30_000, 1, MAX_TIMER_MS),
    temporality: o.temporality ?? envEnum(env,
      'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE', TEMPORALITIES, 'cumulative'),
    histogramAggregation: o.histogramAggregation ?? envEnum(env,
      'OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION',
      HISTOGRAM_AGGREGATIONS, 'explicit_bucket_histogram'),
    prometheusHost: o.prometheusHost ??
      envString(env, 'OTEL_EXPORTER_PROMETHEUS_HOST', 'localhost'),
    prometheusPort: o.prometheusPort ??
      envInteger(env, 'OTEL_EXPORTER_PROMETHEUS_PORT', 9464, 0, 65535),
    registerGlobal: o.registerGlobal ?? true,
    captureContent: o.captureContent ??
      envBoolean(env, 'SPEECHMETRY_CAPTURE_CONTENT', false),
    contentMaxLength: o.contentMaxLength ??
      envInteger(env, 'SPEECHMETRY_CONTENT_MAX_LENGTH', 256, 1, 1_000_000),
    languages: o.languages ?? envList(env, 'SPEECHMETRY_LANGUAGES'),
    qualitySampleRate: o.qualitySampleRate ??
      envNumber(env, 'SPEECHMETRY_QUALITY_SAMPLE_RATE', 1, 0, 1),
    cardinalityLimit: o.cardinalityLimit ??
      envInteger(env, 'SPEECHMETRY_CARDINALITY_LIMIT', 2000, 2, 1_000_000),
    thresholdsFile: o.thresholdsFile ?? envString(env, 'SPEECHMETRY_THRESHOLDS'),
    thresholdsFromEnv: o.thresholdsFile === undefined,
    alertmanagerUrl: o.alertmanagerUrl ??
      envUrl(env, 'SPEECHMETRY_ALERTMANAGER_URL')?.toString(),
    hostMetrics: o.hostMetrics ?? envBoolean(env, 'SPEECHMETRY_HOST_METRICS', false),
    shutdownOnExit: o.shutdownOnExit ?? false,
    shutdownTimeoutMillis: o.shutdownTimeoutMillis ?? 5_000,
  };
}

function listOf<T>(value: T | T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

function exporterList<T extends string>(env: Env, name: string, allowed: readonly T[]): T[] {
  const items = envList(env, name);
  if (items === undefined) return ['otlp' as T];
  const out: T[] = [];
  for (const item of items) {
    const lower = item.toLowerCase() as T;
    if (allowed.includes(lower)) {
      if (!out.includes(lower)) out.push(lower);
    } else {
      reporter().warnOnce(`env:${name}:${lower}`, () =>
        `${name} names an unsupported exporter; ignored it (supported: ${allowed.join(', ')})`);
    }
  }
  // Only unsupported names: the specification's default applies.
  return out.length > 0 ? out : ['otlp' as T];
}

const DEFAULT_OTLP_BASE = 'http://localhost:4318';

function resolveSignal(
  env: Env,
  signal: 'METRICS' | 'TRACES',
  o: OtlpSignalOptions | undefined,
): ResolvedConfig['otlpMetrics'] {
  const path = signal === 'METRICS' ? 'v1/metrics' : 'v1/traces';
  const specific = envUrl(env, `OTEL_EXPORTER_OTLP_${signal}_ENDPOINT`);
  const base = envUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  // The signal-specific endpoint is used as is; the generic one gets the
  // signal's path appended (OTLP exporter specification).
  const url = o?.url ?? specific?.toString() ??
    appendPath(base?.toString() ?? DEFAULT_OTLP_BASE, path);
  const protocol = o?.protocol ?? envProtocol(env, signal);
  const headers = {
    ...parseKeyValues(env, 'OTEL_EXPORTER_OTLP_HEADERS'),
    ...parseKeyValues(env, `OTEL_EXPORTER_OTLP_${signal}_HEADERS`),
    ...o?.headers,
  };
  const timeoutMillis = o?.timeoutMillis ?? envNumber(env, `OTEL_EXPORTER_OTLP_${signal}_TIMEOUT`,
    envNumber(env, 'OTEL_EXPORTER_OTLP_TIMEOUT', 10_000, 1, MAX_TIMER_MS), 1, MAX_TIMER_MS);
  const codecs = ['gzip', 'none'] as const;
  const compression = o?.compression ?? envEnum(env, `OTEL_EXPORTER_OTLP_${signal}_COMPRESSION`,
    codecs, envEnum(env, 'OTEL_EXPORTER_OTLP_COMPRESSION', codecs, 'none'));
  return { url, protocol, headers, timeoutMillis, compression };
}

function envProtocol(env: Env, signal: string): OtlpProtocol {
  const generic = envEnum(env, 'OTEL_EXPORTER_OTLP_PROTOCOL',
    [...OTLP_PROTOCOLS, 'grpc'], 'http/protobuf');
  const chosen = envEnum(env, `OTEL_EXPORTER_OTLP_${signal}_PROTOCOL`,
    [...OTLP_PROTOCOLS, 'grpc'], generic);
  if (chosen === 'grpc') {
    const name = env[`OTEL_EXPORTER_OTLP_${signal}_PROTOCOL`]?.trim()
      ? `OTEL_EXPORTER_OTLP_${signal}_PROTOCOL` : 'OTEL_EXPORTER_OTLP_PROTOCOL';
    reporter().warnOnce(`env:grpc:${name}`, () =>
      `${name} asks for grpc, which speechmetry does not bundle; using http/protobuf`);
    return 'http/protobuf';
  }
  return chosen;
}

function appendPath(base: string, path: string): string {
  return base.endsWith('/') ? base + path : `${base}/${path}`;
}

/**
 * Parses `key=value,key2=value2` (W3C-baggage-like, percent-encoded) as
 * used by `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_EXPORTER_OTLP_HEADERS`.
 * Malformed entries are skipped with one warning that names the variable
 * only: header values are secrets.
 */
export function parseKeyValues(env: Env, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  const items = envList(env, name);
  if (items === undefined) return out;
  let bad = false;
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) {
      bad = true;
      continue;
    }
    try {
      const key = decodeURIComponent(item.slice(0, eq).trim());
      const value = decodeURIComponent(item.slice(eq + 1).trim());
      if (key.length > 0) out[key] = value;
      else bad = true;
    } catch {
      bad = true;
    }
  }
  if (bad) {
    reporter().warnOnce(`env:${name}`, () =>
      `${name} has malformed entries; they were skipped`);
  }
  return out;
}
