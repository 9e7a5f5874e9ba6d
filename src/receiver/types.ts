/**
 * The plain objects the OTLP receiver produces. Both encodings (binary
 * protobuf and OTLP/JSON) decode into these same shapes: camelCase names,
 * hex trace and span IDs, 64-bit timestamps as bigint nanoseconds.
 */

/** A decoded OTLP `AnyValue`. Integers beyond 2^53 stay bigint. */
export type OtlpValue =
  | string
  | number
  | bigint
  | boolean
  | Uint8Array
  | null
  | OtlpValue[]
  | { [key: string]: OtlpValue };

/** Decoded key-value attributes; a repeated key keeps its last value. */
export type OtlpAttributes = Record<string, OtlpValue>;

/** The resource a batch of telemetry came from. */
export interface OtlpResource {
  attributes: OtlpAttributes;
  droppedAttributesCount: number;
}

/** The instrumentation scope (meter or tracer) that produced the data. */
export interface OtlpScope {
  name: string;
  version: string;
  attributes: OtlpAttributes;
}

/** How a sum or histogram relates to its time interval. */
export type OtlpTemporality = 'unspecified' | 'delta' | 'cumulative';

/** Fields every metric data point carries. */
export interface OtlpPointBase {
  attributes: OtlpAttributes;
  /** Start of the aggregation interval, Unix epoch nanoseconds (0n when unset). */
  startTimeUnixNano: bigint;
  /** End of the aggregation interval, Unix epoch nanoseconds. */
  timeUnixNano: bigint;
  flags: number;
}

/** A sum or gauge point; integer points keep their bigint value. */
export interface OtlpNumberPoint extends OtlpPointBase {
  value: number | bigint;
}

/** An explicit-bucket histogram point. */
export interface OtlpHistogramPoint extends OtlpPointBase {
  count: number;
  sum?: number;
  min?: number;
  max?: number;
  /** One more entry than `explicitBounds`; the last is the overflow bucket. */
  bucketCounts: number[];
  explicitBounds: number[];
}

/** One side (positive or negative) of an exponential histogram. */
export interface OtlpExponentialBuckets {
  offset: number;
  bucketCounts: number[];
}

/** A base-2 exponential histogram point. */
export interface OtlpExponentialHistogramPoint extends OtlpPointBase {
  count: number;
  sum?: number;
  min?: number;
  max?: number;
  scale: number;
  zeroCount: number;
  zeroThreshold: number;
  positive: OtlpExponentialBuckets;
  negative: OtlpExponentialBuckets;
}

/** A summary point (quantiles computed by the sender). */
export interface OtlpSummaryPoint extends OtlpPointBase {
  count: number;
  sum: number;
  quantileValues: { quantile: number; value: number }[];
}

interface MetricBase {
  name: string;
  description: string;
  unit: string;
}

/** A decoded metric, discriminated by its data `type`. */
export type OtlpMetric = MetricBase &
  (
    | { type: 'gauge'; dataPoints: OtlpNumberPoint[] }
    | {
        type: 'sum';
        aggregationTemporality: OtlpTemporality;
        isMonotonic: boolean;
        dataPoints: OtlpNumberPoint[];
      }
    | {
        type: 'histogram';
        aggregationTemporality: OtlpTemporality;
        dataPoints: OtlpHistogramPoint[];
      }
    | {
        type: 'exponentialHistogram';
        aggregationTemporality: OtlpTemporality;
        dataPoints: OtlpExponentialHistogramPoint[];
      }
    | { type: 'summary'; dataPoints: OtlpSummaryPoint[] }
    | { type: 'empty'; dataPoints: never[] }
  );

/** Metrics of one scope. */
export interface OtlpScopeMetrics {
  scope: OtlpScope;
  metrics: OtlpMetric[];
  schemaUrl: string;
}

/** Metrics of one resource. */
export interface OtlpResourceMetrics {
  resource: OtlpResource;
  scopeMetrics: OtlpScopeMetrics[];
  schemaUrl: string;
}

/** A decoded `ExportMetricsServiceRequest`. */
export interface OtlpMetricsRequest {
  resourceMetrics: OtlpResourceMetrics[];
}

/** The kind of a span, as named by the OTLP enum. */
export type OtlpSpanKind =
  | 'unspecified'
  | 'internal'
  | 'server'
  | 'client'
  | 'producer'
  | 'consumer';

/** A timed event on a span. */
export interface OtlpSpanEvent {
  name: string;
  timeUnixNano: bigint;
  attributes: OtlpAttributes;
}

/** A link from a span to another span. */
export interface OtlpSpanLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: OtlpAttributes;
}

/** A span's final status. */
export interface OtlpStatus {
  code: 'unset' | 'ok' | 'error';
  message: string;
}

/** A decoded span; IDs are lowercase hex, `parentSpanId` is '' for a root. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  flags: number;
  name: string;
  kind: OtlpSpanKind;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: OtlpAttributes;
  events: OtlpSpanEvent[];
  links: OtlpSpanLink[];
  status: OtlpStatus;
}

/** Spans of one scope. */
export interface OtlpScopeSpans {
  scope: OtlpScope;
  spans: OtlpSpan[];
  schemaUrl: string;
}

/** Spans of one resource. */
export interface OtlpResourceSpans {
  resource: OtlpResource;
  scopeSpans: OtlpScopeSpans[];
  schemaUrl: string;
}

/** A decoded `ExportTraceServiceRequest`. */
export interface OtlpTraceRequest {
  resourceSpans: OtlpResourceSpans[];
}

/** A metric together with the resource and scope it arrived under. */
export type ReceivedMetric = OtlpMetric & {
  resource: OtlpResource;
  scope: OtlpScope;
};

/** A span together with the resource and scope it arrived under. */
export type ReceivedSpan = OtlpSpan & {
  resource: OtlpResource;
  scope: OtlpScope;
};
