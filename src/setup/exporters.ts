import { diag } from '@opentelemetry/api';
import {
  AggregationTemporality,
  AggregationType,
  ConsoleMetricExporter,
  InstrumentType,
  PeriodicExportingMetricReader,
  type AggregationOption,
  type MetricProducer,
  type MetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import {
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  OTLPMetricExporter as OtlpProtoMetricExporter,
} from '@opentelemetry/exporter-metrics-otlp-proto';
import {
  AggregationTemporalityPreference,
  OTLPMetricExporter as OtlpJsonMetricExporter,
} from '@opentelemetry/exporter-metrics-otlp-http';
import {
  OTLPTraceExporter as OtlpProtoTraceExporter,
} from '@opentelemetry/exporter-trace-otlp-proto';
import {
  OTLPTraceExporter as OtlpJsonTraceExporter,
} from '@opentelemetry/exporter-trace-otlp-http';
import { SuffixedPrometheusExporter } from './prometheus.js';
import { quietExportPayloads, withoutResolvedOtlpEnv } from './otlp-isolation.js';
import { countedBatchProcessor, countExportFailures } from './export-accounting.js';
import type { ResolvedConfig } from '../config/resolve.js';

/** Data points per OTLP metrics request. */
const MAX_EXPORT_BATCH_POINTS = 1000;

/** A metric reader with the temporality it asks producers for. */
export interface ReaderPlan {
  reader: MetricReader;
  /** Temporality chosen per instrument type, as the reader will ask. */
  temporality: (type: InstrumentType) => AggregationTemporality;
}

/**
 * Builds the metric readers named by the configuration. `producers` makes
 * the extra MetricProducers (speechmetry's own cells) for each reader, so
 * every reader collects with its own temporality.
 */
export function createMetricReaders(
  config: ResolvedConfig,
  producers: (temporality: ReaderPlan['temporality']) => MetricProducer[],
): MetricReader[] {
  const readers: MetricReader[] = [];
  for (const name of config.metricsExporters) {
    if (name === 'none') continue;
    if (name === 'prometheus') {
      readers.push(createPrometheusReader(config, producers));
      continue;
    }
    const exporter = name === 'otlp'
      ? createOtlpMetricExporter(config)
      : new ConsoleMetricExporter();
    const temporality = (t: InstrumentType): AggregationTemporality =>
      exporter.selectAggregationTemporality?.(t) ?? AggregationTemporality.CUMULATIVE;
    readers.push(
      new PeriodicExportingMetricReader({
        exporter,
        exportIntervalMillis: config.exportIntervalMillis,
        // The SDK requires the timeout not to exceed the interval.
        exportTimeoutMillis: Math.min(config.exportTimeoutMillis, config.exportIntervalMillis),
        metricProducers: producers(temporality),
        cardinalityLimits: { default: config.cardinalityLimit },
        // At the cardinality limit one export is tens of thousands of
        // points; serialising them at once held the event loop for
        // 200-400 ms (bench/event-loop.mjs). Requests of at most this
        // many points are serialised one after another's response.
        maxExportBatchSize: MAX_EXPORT_BATCH_POINTS,
      }),
    );
  }
  return readers;
}

function createPrometheusReader(
  config: ResolvedConfig,
  producers: (temporality: ReaderPlan['temporality']) => MetricProducer[],
): MetricReader {
  const exporter = new SuffixedPrometheusExporter(
    {
      host: config.prometheusHost,
      port: config.prometheusPort,
      metricProducers: producers(() => AggregationTemporality.CUMULATIVE),
    },
    (error) => {
      if (error) diag.error('speechmetry: Prometheus endpoint failed to start', error.message);
    },
  );
  return exporter;
}

function histogramAggregation(config: ResolvedConfig) {
  if (config.histogramAggregation !== 'base2_exponential_bucket_histogram') return undefined;
  return (type: InstrumentType): AggregationOption =>
    type === InstrumentType.HISTOGRAM
      ? { type: AggregationType.EXPONENTIAL_HISTOGRAM }
      : { type: AggregationType.DEFAULT };
}

const TEMPORALITY_PREFERENCE = {
  cumulative: AggregationTemporalityPreference.CUMULATIVE,
  delta: AggregationTemporalityPreference.DELTA,
  lowmemory: AggregationTemporalityPreference.LOWMEMORY,
} as const;

/** The transport settings both signals share, as the exporters take them. */
function transport(s: ResolvedConfig['otlpMetrics']) {
  const { url, headers, timeoutMillis, compression } = s;
  return { url, headers, timeoutMillis, compression };
}

/**
 * Builds an OTLP exporter for the chosen encoding from speechmetry's
 * resolved settings only, with its batch payloads kept out of diag logs.
 */
function otlpExporter<T extends object>(json: boolean, create: (json: boolean) => T): T {
  return quietExportPayloads(withoutResolvedOtlpEnv(() => create(json)));
}

function createOtlpMetricExporter(config: ResolvedConfig): PushMetricExporter {
  const options = {
    ...transport(config.otlpMetrics),
    temporalityPreference: TEMPORALITY_PREFERENCE[config.temporality],
    aggregationPreference: histogramAggregation(config),
  } as ConstructorParameters<typeof OtlpProtoMetricExporter>[0];
  const exporter = otlpExporter(config.otlpMetrics.protocol === 'http/json', (json) =>
    json ? new OtlpJsonMetricExporter(options) : new OtlpProtoMetricExporter(options));
  return countExportFailures(exporter, 'metrics');
}

/** Builds the span processors named by the configuration. */
export function createSpanProcessors(config: ResolvedConfig): SpanProcessor[] {
  const processors: SpanProcessor[] = [];
  for (const name of config.tracesExporters) {
    if (name === 'none') continue;
    if (name === 'console') {
      processors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
      continue;
    }
    const options = transport(config.otlpTraces) as ConstructorParameters<
      typeof OtlpProtoTraceExporter
    >[0];
    const exporter = otlpExporter(config.otlpTraces.protocol === 'http/json', (json) =>
      json ? new OtlpJsonTraceExporter(options) : new OtlpProtoTraceExporter(options));
    // Bounded queue: when the backend is down, spans beyond it are dropped
    // and counted as queue_full.
    processors.push(countedBatchProcessor(exporter, 2048));
  }
  return processors;
}
