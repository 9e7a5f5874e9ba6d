/**
 * Decoders for OTLP/JSON export requests, producing the same shapes as
 * the binary decoders.
 */
import * as j from './json-common.js';
import type { Json } from './json-common.js';
import { narrowInt } from './proto-common.js';
import { SPAN_KINDS, STATUS_CODES } from './proto-trace.js';
import type {
  OtlpExponentialBuckets,
  OtlpExponentialHistogramPoint,
  OtlpHistogramPoint,
  OtlpMetric,
  OtlpMetricsRequest,
  OtlpNumberPoint,
  OtlpPointBase,
  OtlpSpan,
  OtlpSummaryPoint,
  OtlpTemporality,
  OtlpTraceRequest,
} from './types.js';
import { ProtoDecodeError } from './wire.js';

const TEMPORALITY: readonly OtlpTemporality[] = ['unspecified', 'delta', 'cumulative'];

/** Decodes a parsed OTLP/JSON `ExportMetricsServiceRequest`. */
export function decodeMetricsJson(body: unknown): OtlpMetricsRequest {
  const root = asObject(body);
  return {
    resourceMetrics: j.objects(root, 'resourceMetrics').map((rm) => ({
      resource: j.resource(j.object(rm, 'resource')),
      schemaUrl: j.str(rm, 'schemaUrl'),
      scopeMetrics: j.objects(rm, 'scopeMetrics').map((sm) => ({
        scope: j.scope(j.object(sm, 'scope')),
        schemaUrl: j.str(sm, 'schemaUrl'),
        metrics: j.objects(sm, 'metrics').map(metric),
      })),
    })),
  };
}

/** Decodes a parsed OTLP/JSON `ExportTraceServiceRequest`. */
export function decodeTraceJson(body: unknown): OtlpTraceRequest {
  const root = asObject(body);
  return {
    resourceSpans: j.objects(root, 'resourceSpans').map((rs) => ({
      resource: j.resource(j.object(rs, 'resource')),
      schemaUrl: j.str(rs, 'schemaUrl'),
      scopeSpans: j.objects(rs, 'scopeSpans').map((ss) => ({
        scope: j.scope(j.object(ss, 'scope')),
        schemaUrl: j.str(ss, 'schemaUrl'),
        spans: j.objects(ss, 'spans').map(span),
      })),
    })),
  };
}

function asObject(body: unknown): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProtoDecodeError('OTLP/JSON body is not an object');
  }
  return body as Json;
}

function metric(m: Json): OtlpMetric {
  const base = {
    name: j.str(m, 'name'),
    description: j.str(m, 'description'),
    unit: j.str(m, 'unit'),
  };
  const temporality = (d: Json): OtlpTemporality =>
    j.enumField(d, 'aggregationTemporality', TEMPORALITY);
  let d: Json;
  if ((d = present(m, 'gauge'))) {
    return { ...base, type: 'gauge', dataPoints: j.objects(d, 'dataPoints').map(numberPoint) };
  }
  if ((d = present(m, 'sum'))) {
    return {
      ...base,
      type: 'sum',
      aggregationTemporality: temporality(d),
      isMonotonic: j.field(d, 'isMonotonic') === true,
      dataPoints: j.objects(d, 'dataPoints').map(numberPoint),
    };
  }
  if ((d = present(m, 'histogram'))) {
    return {
      ...base,
      type: 'histogram',
      aggregationTemporality: temporality(d),
      dataPoints: j.objects(d, 'dataPoints').map(histogramPoint),
    };
  }
  if ((d = present(m, 'exponentialHistogram'))) {
    return {
      ...base,
      type: 'exponentialHistogram',
      aggregationTemporality: temporality(d),
      dataPoints: j.objects(d, 'dataPoints').map(exponentialPoint),
    };
  }
  if ((d = present(m, 'summary'))) {
    return { ...base, type: 'summary', dataPoints: j.objects(d, 'dataPoints').map(summaryPoint) };
  }
  return { ...base, type: 'empty', dataPoints: [] };
}

// An object-valued field, or `undefined` cast so the caller's chain of
// assignments in conditions stays flat.
function present(m: Json, name: string): Json {
  const v = j.field(m, name);
  return (v !== undefined && v !== null ? j.object(m, name) : undefined) as Json;
}

function pointBase(p: Json): OtlpPointBase {
  return {
    attributes: j.attributes(p),
    startTimeUnixNano: j.int64(p, 'startTimeUnixNano'),
    timeUnixNano: j.int64(p, 'timeUnixNano'),
    flags: j.int(p, 'flags'),
  };
}

function numberPoint(p: Json): OtlpNumberPoint {
  const asInt = j.field(p, 'asInt');
  const value =
    asInt !== undefined && asInt !== null
      ? narrowInt(j.int64(p, 'asInt'))
      : j.double(p, 'asDouble');
  return { ...pointBase(p), value };
}

function histogramPoint(p: Json): OtlpHistogramPoint {
  return {
    ...pointBase(p),
    count: j.int(p, 'count'),
    ...optionalStats(p),
    bucketCounts: j.counts(p, 'bucketCounts'),
    explicitBounds: j.doubles(p, 'explicitBounds'),
  };
}

function optionalStats(p: Json): { sum?: number; min?: number; max?: number } {
  const out: { sum?: number; min?: number; max?: number } = {};
  for (const k of ['sum', 'min', 'max'] as const) {
    const v = j.optDouble(p, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function exponentialPoint(p: Json): OtlpExponentialHistogramPoint {
  const side = (name: string): OtlpExponentialBuckets => {
    const b = j.object(p, name);
    return { offset: j.int(b, 'offset'), bucketCounts: j.counts(b, 'bucketCounts') };
  };
  return {
    ...pointBase(p),
    count: j.int(p, 'count'),
    ...optionalStats(p),
    scale: j.int(p, 'scale'),
    zeroCount: j.int(p, 'zeroCount'),
    zeroThreshold: j.double(p, 'zeroThreshold'),
    positive: side('positive'),
    negative: side('negative'),
  };
}

function summaryPoint(p: Json): OtlpSummaryPoint {
  return {
    ...pointBase(p),
    count: j.int(p, 'count'),
    sum: j.double(p, 'sum'),
    quantileValues: j.objects(p, 'quantileValues').map((q) => ({
      quantile: j.double(q, 'quantile'),
      value: j.double(q, 'value'),
    })),
  };
}

function span(s: Json): OtlpSpan {
  const status = j.object(s, 'status');
  return {
    traceId: j.hexId(s, 'traceId'),
    spanId: j.hexId(s, 'spanId'),
    parentSpanId: j.hexId(s, 'parentSpanId'),
    traceState: j.str(s, 'traceState'),
    flags: j.int(s, 'flags'),
    name: j.str(s, 'name'),
    kind: j.enumField(s, 'kind', SPAN_KINDS),
    startTimeUnixNano: j.int64(s, 'startTimeUnixNano'),
    endTimeUnixNano: j.int64(s, 'endTimeUnixNano'),
    attributes: j.attributes(s),
    events: j.objects(s, 'events').map((e) => ({
      name: j.str(e, 'name'),
      timeUnixNano: j.int64(e, 'timeUnixNano'),
      attributes: j.attributes(e),
    })),
    links: j.objects(s, 'links').map((l) => ({
      traceId: j.hexId(l, 'traceId'),
      spanId: j.hexId(l, 'spanId'),
      traceState: j.str(l, 'traceState'),
      attributes: j.attributes(l),
    })),
    status: { code: j.enumField(status, 'code', STATUS_CODES), message: j.str(status, 'message') },
  };
}
