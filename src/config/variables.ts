/**
 * Every `SPEECHMETRY_*` variable, its meaning and default. The README's
 * table is checked against this list by a test.
 */
export interface VariableDoc {
  /** The variable's name, e.g. `SPEECHMETRY_THRESHOLDS`. */
  readonly name: string;
  /** What it sets, one line, as the README table shows it. */
  readonly description: string;
  /** The value used when it is unset or blank, in words. */
  readonly default: string;
}

/** The speechmetry-specific environment variables. @public */
export const SPEECHMETRY_VARIABLES: readonly VariableDoc[] = Object.freeze([
  {
    name: 'SPEECHMETRY_THRESHOLDS',
    description: 'Path of a YAML or JSON thresholds file',
    default: 'unset (no rules)',
  },
  {
    name: 'SPEECHMETRY_CAPTURE_CONTENT',
    description: 'Put transcripts, translations and TTS text on spans, truncated',
    default: 'false',
  },
  {
    name: 'SPEECHMETRY_CONTENT_MAX_LENGTH',
    description: 'Characters kept of each captured text',
    default: '256',
  },
  {
    name: 'SPEECHMETRY_CORRELATION_HEADER',
    description: 'Header that carries the correlation ID',
    default: 'x-correlation-id',
  },
  {
    name: 'SPEECHMETRY_PROPAGATION_HOSTS',
    description: 'Comma-separated hosts that outbound requests may carry IDs to',
    default: 'unset (all hosts)',
  },
  {
    name: 'SPEECHMETRY_LANGUAGES',
    description: 'Comma-separated language allowlist; others become `other`',
    default: 'unset (all)',
  },
  {
    name: 'SPEECHMETRY_QUALITY_SAMPLE_RATE',
    description: 'Share of operations with references that are scored, 0–1',
    default: '1',
  },
  {
    name: 'SPEECHMETRY_ALERTMANAGER_URL',
    description: 'Alertmanager base URL that firing threshold rules are posted to',
    default: 'unset (no push)',
  },
  {
    name: 'SPEECHMETRY_HOST_METRICS',
    description: 'Also export host and runtime metrics (CPU, memory, event loop)',
    default: 'false',
  },
  {
    name: 'SPEECHMETRY_CARDINALITY_LIMIT',
    description: 'Series per metric before the overflow series is used',
    default: '2000',
  },
]);

/**
 * The OpenTelemetry variables speechmetry reads, as the OpenTelemetry
 * specification defines them. The README's table is checked against it.
 * @public
 */
export const OTEL_VARIABLES: readonly VariableDoc[] = Object.freeze([
  {
    name: 'OTEL_SDK_DISABLED',
    description: '`true` makes everything a no-op: no sockets, no timers',
    default: 'false',
  },
  {
    name: 'OTEL_SERVICE_NAME',
    description: 'The `service.name` resource attribute',
    default: 'unknown_service:node',
  },
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES',
    description: 'Resource attributes, `key=value,…`',
    default: 'unset',
  },
  {
    name: 'OTEL_METRICS_EXPORTER',
    description: '`otlp`, `prometheus`, `console`, `none` (comma-separated)',
    default: 'otlp',
  },
  {
    name: 'OTEL_TRACES_EXPORTER',
    description: '`otlp`, `console`, `none` (comma-separated)',
    default: 'otlp',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    description: 'Base URL; `/v1/metrics` and `/v1/traces` are appended',
    default: 'http://localhost:4318',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
    description: 'Full metrics URL, used as is',
    default: 'from the base URL',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    description: 'Full traces URL, used as is',
    default: 'from the base URL',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_HEADERS',
    description: 'Export headers, `key=value,…`; never logged',
    default: 'unset',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_HEADERS',
    description: 'Metrics export headers, over the generic ones',
    default: 'unset',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
    description: 'Traces export headers, over the generic ones',
    default: 'unset',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_PROTOCOL',
    description: '`http/protobuf` or `http/json`',
    default: 'http/protobuf',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL',
    description: 'Protocol of metrics exports',
    default: 'the generic one',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
    description: 'Protocol of trace exports',
    default: 'the generic one',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TIMEOUT',
    description: 'Export timeout in milliseconds',
    default: '10000',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_TIMEOUT',
    description: 'Metrics export timeout in milliseconds',
    default: 'the generic one',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT',
    description: 'Trace export timeout in milliseconds',
    default: 'the generic one',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_COMPRESSION',
    description: '`gzip` or `none`',
    default: 'none',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_COMPRESSION',
    description: 'Compression of metrics exports',
    default: 'the generic one',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_COMPRESSION',
    description: 'Compression of trace exports',
    default: 'the generic one',
  },
  {
    name: 'OTEL_METRIC_EXPORT_INTERVAL',
    description: 'Metric export interval in milliseconds',
    default: '60000',
  },
  {
    name: 'OTEL_METRIC_EXPORT_TIMEOUT',
    description: 'Metric export timeout in milliseconds',
    default: '30000',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE',
    description: '`cumulative`, `delta` or `lowmemory`',
    default: 'cumulative',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION',
    description: '`explicit_bucket_histogram` or `base2_exponential_bucket_histogram`',
    default: 'explicit_bucket_histogram',
  },
  {
    name: 'OTEL_EXPORTER_PROMETHEUS_HOST',
    description: 'Host of the Prometheus scrape endpoint',
    default: 'localhost',
  },
  {
    name: 'OTEL_EXPORTER_PROMETHEUS_PORT',
    description: 'Port of the Prometheus scrape endpoint',
    default: '9464',
  },
]);
