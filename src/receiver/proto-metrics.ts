/**
 * Decoder for opentelemetry/proto/collector/metrics/v1
 * ExportMetricsServiceRequest and the metrics/v1 messages inside it.
 * Field numbers are quoted beside each decoder.
 */
import {
  decodeKeyValue,
  decodeResource,
  decodeScope,
  emptyResource,
  emptyScope,
  narrowInt,
} from './proto-common.js';
import type {
  OtlpExponentialBuckets,
  OtlpExponentialHistogramPoint,
  OtlpHistogramPoint,
  OtlpMetric,
  OtlpMetricsRequest,
  OtlpNumberPoint,
  OtlpPointBase,
  OtlpResourceMetrics,
  OtlpScopeMetrics,
  OtlpSummaryPoint,
  OtlpTemporality,
} from './types.js';
import {
  ProtoReader,
  WIRE_I64,
  WIRE_LEN,
  WIRE_VARINT,
  readRepeated,
} from './wire.js';

const TEMPORALITY: readonly OtlpTemporality[] = ['unspecified', 'delta', 'cumulative'];

/** Decodes the bytes of an `ExportMetricsServiceRequest`. */
export function decodeMetricsRequest(bytes: Uint8Array): OtlpMetricsRequest {
  const r = new ProtoReader(bytes);
  const out: OtlpMetricsRequest = { resourceMetrics: [] };
  // resource_metrics = 1
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) out.resourceMetrics.push(resourceMetrics(r.message()));
    else r.skip(wire);
  }
  return out;
}

// ResourceMetrics: resource = 1, scope_metrics = 2, schema_url = 3.
function resourceMetrics(r: ProtoReader): OtlpResourceMetrics {
  const out: OtlpResourceMetrics = {
    resource: emptyResource(),
    scopeMetrics: [],
    schemaUrl: '',
  };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (wire !== WIRE_LEN) r.skip(wire);
    else if (field === 1) out.resource = decodeResource(r.message());
    else if (field === 2) out.scopeMetrics.push(scopeMetrics(r.message()));
    else if (field === 3) out.schemaUrl = r.string();
    else r.skip(wire);
  }
  return out;
}

// ScopeMetrics: scope = 1, metrics = 2, schema_url = 3.
function scopeMetrics(r: ProtoReader): OtlpScopeMetrics {
  const out: OtlpScopeMetrics = { scope: emptyScope(), metrics: [], schemaUrl: '' };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (wire !== WIRE_LEN) r.skip(wire);
    else if (field === 1) out.scope = decodeScope(r.message());
    else if (field === 2) out.metrics.push(metric(r.message()));
    else if (field === 3) out.schemaUrl = r.string();
    else r.skip(wire);
  }
  return out;
}

// Metric: name = 1, description = 2, unit = 3, and the `data` oneof:
// gauge = 5, sum = 7, histogram = 9, exponential_histogram = 10,
// summary = 11.
function metric(r: ProtoReader): OtlpMetric {
  let name = '';
  let description = '';
  let unit = '';
  let data: DataPart = { type: 'empty', dataPoints: [] };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (wire !== WIRE_LEN) {
      r.skip(wire);
      continue;
    }
    if (field === 1) name = r.string();
    else if (field === 2) description = r.string();
    else if (field === 3) unit = r.string();
    else if (field === 5) data = series(r.message(), 'gauge', numberPoint);
    else if (field === 7) data = series(r.message(), 'sum', numberPoint);
    else if (field === 9) data = series(r.message(), 'histogram', histogramPoint);
    else if (field === 10) {
      data = series(r.message(), 'exponentialHistogram', exponentialPoint);
    } else if (field === 11) data = series(r.message(), 'summary', summaryPoint);
    else r.skip(wire);
  }
  return { name, description, unit, ...data } as OtlpMetric;
}

type DataPart = Omit<OtlpMetric, 'name' | 'description' | 'unit'>;

// Gauge, Sum, Histogram, ExponentialHistogram and Summary share a layout:
// data_points = 1, aggregation_temporality = 2, is_monotonic = 3 (Sum).
function series<P>(
  r: ProtoReader,
  type: OtlpMetric['type'],
  point: (r: ProtoReader) => P,
): DataPart {
  const dataPoints: P[] = [];
  let temporality = 0;
  let isMonotonic = false;
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) dataPoints.push(point(r.message()));
    else if (field === 2 && wire === WIRE_VARINT) temporality = r.varint();
    else if (field === 3 && wire === WIRE_VARINT) isMonotonic = r.bool();
    else r.skip(wire);
  }
  const aggregationTemporality = TEMPORALITY[temporality] ?? 'unspecified';
  if (type === 'gauge' || type === 'summary') return { type, dataPoints } as DataPart;
  if (type === 'sum') {
    return { type, aggregationTemporality, isMonotonic, dataPoints } as DataPart;
  }
  return { type, aggregationTemporality, dataPoints } as DataPart;
}

function pointBase(): OtlpPointBase {
  return { attributes: {}, startTimeUnixNano: 0n, timeUnixNano: 0n, flags: 0 };
}

// NumberDataPoint: attributes = 7, start_time_unix_nano = 2,
// time_unix_nano = 3, as_double = 4, as_int = 6 (sfixed64), flags = 8.
function numberPoint(r: ProtoReader): OtlpNumberPoint {
  const p: OtlpNumberPoint = { ...pointBase(), value: 0 };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 7 && wire === WIRE_LEN) decodeKeyValue(r.message(), p.attributes);
    else if (field === 2 && wire === WIRE_I64) p.startTimeUnixNano = r.fixed64();
    else if (field === 3 && wire === WIRE_I64) p.timeUnixNano = r.fixed64();
    else if (field === 4 && wire === WIRE_I64) p.value = r.double();
    else if (field === 6 && wire === WIRE_I64) p.value = narrowInt(r.sfixed64());
    else if (field === 8 && wire === WIRE_VARINT) p.flags = r.varint();
    else r.skip(wire);
  }
  return p;
}

// HistogramDataPoint: attributes = 9, start_time_unix_nano = 2,
// time_unix_nano = 3, count = 4 (fixed64), sum = 5, bucket_counts = 6
// (repeated fixed64), explicit_bounds = 7 (repeated double), flags = 10,
// min = 11, max = 12.
function histogramPoint(r: ProtoReader): OtlpHistogramPoint {
  const p: OtlpHistogramPoint = {
    ...pointBase(),
    count: 0,
    bucketCounts: [],
    explicitBounds: [],
  };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 9 && wire === WIRE_LEN) decodeKeyValue(r.message(), p.attributes);
    else if (field === 2 && wire === WIRE_I64) p.startTimeUnixNano = r.fixed64();
    else if (field === 3 && wire === WIRE_I64) p.timeUnixNano = r.fixed64();
    else if (field === 4 && wire === WIRE_I64) p.count = Number(r.fixed64());
    else if (field === 5 && wire === WIRE_I64) p.sum = r.double();
    else if (field === 6) readRepeated(r, wire, WIRE_I64, fixedCount, p.bucketCounts);
    else if (field === 7) readRepeated(r, wire, WIRE_I64, double, p.explicitBounds);
    else if (field === 10 && wire === WIRE_VARINT) p.flags = r.varint();
    else if (field === 11 && wire === WIRE_I64) p.min = r.double();
    else if (field === 12 && wire === WIRE_I64) p.max = r.double();
    else r.skip(wire);
  }
  return p;
}

// ExponentialHistogramDataPoint: attributes = 1, start_time_unix_nano = 2,
// time_unix_nano = 3, count = 4, sum = 5, scale = 6 (sint32),
// zero_count = 7, positive = 8, negative = 9, flags = 10, min = 12,
// max = 13, zero_threshold = 14.
function exponentialPoint(r: ProtoReader): OtlpExponentialHistogramPoint {
  const p: OtlpExponentialHistogramPoint = {
    ...pointBase(),
    count: 0,
    scale: 0,
    zeroCount: 0,
    zeroThreshold: 0,
    positive: { offset: 0, bucketCounts: [] },
    negative: { offset: 0, bucketCounts: [] },
  };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) decodeKeyValue(r.message(), p.attributes);
    else if (field === 2 && wire === WIRE_I64) p.startTimeUnixNano = r.fixed64();
    else if (field === 3 && wire === WIRE_I64) p.timeUnixNano = r.fixed64();
    else if (field === 4) p.count = countField(r, wire);
    else if (field === 5 && wire === WIRE_I64) p.sum = r.double();
    else if (field === 6 && wire === WIRE_VARINT) p.scale = r.sint();
    else if (field === 7) p.zeroCount = countField(r, wire);
    else if (field === 8 && wire === WIRE_LEN) p.positive = buckets(r.message());
    else if (field === 9 && wire === WIRE_LEN) p.negative = buckets(r.message());
    else if (field === 10 && wire === WIRE_VARINT) p.flags = r.varint();
    else if (field === 12 && wire === WIRE_I64) p.min = r.double();
    else if (field === 13 && wire === WIRE_I64) p.max = r.double();
    else if (field === 14 && wire === WIRE_I64) p.zeroThreshold = r.double();
    else r.skip(wire);
  }
  return p;
}

// Buckets: offset = 1 (sint32), bucket_counts = 2 (repeated uint64).
function buckets(r: ProtoReader): OtlpExponentialBuckets {
  const out: OtlpExponentialBuckets = { offset: 0, bucketCounts: [] };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_VARINT) out.offset = r.sint();
    else if (field === 2) readRepeated(r, wire, WIRE_VARINT, varint, out.bucketCounts);
    else r.skip(wire);
  }
  return out;
}

// SummaryDataPoint: attributes = 7, start_time_unix_nano = 2,
// time_unix_nano = 3, count = 4, sum = 5, quantile_values = 6
// (quantile = 1, value = 2), flags = 8.
function summaryPoint(r: ProtoReader): OtlpSummaryPoint {
  const p: OtlpSummaryPoint = { ...pointBase(), count: 0, sum: 0, quantileValues: [] };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 7 && wire === WIRE_LEN) decodeKeyValue(r.message(), p.attributes);
    else if (field === 2 && wire === WIRE_I64) p.startTimeUnixNano = r.fixed64();
    else if (field === 3 && wire === WIRE_I64) p.timeUnixNano = r.fixed64();
    else if (field === 4) p.count = countField(r, wire);
    else if (field === 5 && wire === WIRE_I64) p.sum = r.double();
    else if (field === 6 && wire === WIRE_LEN) p.quantileValues.push(quantile(r.message()));
    else if (field === 8 && wire === WIRE_VARINT) p.flags = r.varint();
    else r.skip(wire);
  }
  return p;
}

function quantile(r: ProtoReader): { quantile: number; value: number } {
  const out = { quantile: 0, value: 0 };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_I64) out.quantile = r.double();
    else if (field === 2 && wire === WIRE_I64) out.value = r.double();
    else r.skip(wire);
  }
  return out;
}

// Some proto revisions declared these counts uint64 (varint), later ones
// fixed64; the wire type tells which one the sender used.
function countField(r: ProtoReader, wire: number): number {
  if (wire === WIRE_I64) return Number(r.fixed64());
  if (wire === WIRE_VARINT) return r.varint();
  r.skip(wire);
  return 0;
}

function fixedCount(r: ProtoReader): number {
  return Number(r.fixed64());
}

function double(r: ProtoReader): number {
  return r.double();
}

function varint(r: ProtoReader): number {
  return r.varint();
}
