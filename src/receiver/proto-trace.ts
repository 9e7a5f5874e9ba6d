/**
 * Decoder for opentelemetry/proto/collector/trace/v1
 * ExportTraceServiceRequest and the trace/v1 messages inside it.
 */
import {
  decodeKeyValue,
  decodeResource,
  decodeScope,
  emptyResource,
  emptyScope,
  toHex,
} from './proto-common.js';
import type {
  OtlpResourceSpans,
  OtlpScopeSpans,
  OtlpSpan,
  OtlpSpanEvent,
  OtlpSpanKind,
  OtlpSpanLink,
  OtlpStatus,
  OtlpTraceRequest,
} from './types.js';
import { ProtoReader, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT } from './wire.js';

/** OTLP SpanKind enum values, by number. */
export const SPAN_KINDS: readonly OtlpSpanKind[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];

/** OTLP Status.StatusCode enum values, by number. */
export const STATUS_CODES: readonly OtlpStatus['code'][] = ['unset', 'ok', 'error'];

/** Decodes the bytes of an `ExportTraceServiceRequest`. */
export function decodeTraceRequest(bytes: Uint8Array): OtlpTraceRequest {
  const r = new ProtoReader(bytes);
  const out: OtlpTraceRequest = { resourceSpans: [] };
  // resource_spans = 1
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) out.resourceSpans.push(resourceSpans(r.message()));
    else r.skip(wire);
  }
  return out;
}

// ResourceSpans: resource = 1, scope_spans = 2, schema_url = 3.
function resourceSpans(r: ProtoReader): OtlpResourceSpans {
  const out: OtlpResourceSpans = { resource: emptyResource(), scopeSpans: [], schemaUrl: '' };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (wire !== WIRE_LEN) r.skip(wire);
    else if (field === 1) out.resource = decodeResource(r.message());
    else if (field === 2) out.scopeSpans.push(scopeSpans(r.message()));
    else if (field === 3) out.schemaUrl = r.string();
    else r.skip(wire);
  }
  return out;
}

// ScopeSpans: scope = 1, spans = 2, schema_url = 3.
function scopeSpans(r: ProtoReader): OtlpScopeSpans {
  const out: OtlpScopeSpans = { scope: emptyScope(), spans: [], schemaUrl: '' };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (wire !== WIRE_LEN) r.skip(wire);
    else if (field === 1) out.scope = decodeScope(r.message());
    else if (field === 2) out.spans.push(span(r.message()));
    else if (field === 3) out.schemaUrl = r.string();
    else r.skip(wire);
  }
  return out;
}

function emptySpan(): OtlpSpan {
  return {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    traceState: '',
    flags: 0,
    name: '',
    kind: 'unspecified',
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    attributes: {},
    events: [],
    links: [],
    status: { code: 'unset', message: '' },
  };
}

// Span: trace_id = 1, span_id = 2, trace_state = 3, parent_span_id = 4,
// name = 5, kind = 6, start_time_unix_nano = 7, end_time_unix_nano = 8,
// attributes = 9, events = 11, links = 13, status = 15, flags = 16
// (fixed32). The dropped_* counts (10, 12, 14) are skipped.
function span(r: ProtoReader): OtlpSpan {
  const s = emptySpan();
  while (r.more()) {
    const [field, wire] = r.tag();
    if (wire === WIRE_LEN) spanBytesField(r, field, s);
    else if (field === 6 && wire === WIRE_VARINT) s.kind = SPAN_KINDS[r.varint()] ?? 'unspecified';
    else if (field === 7 && wire === WIRE_I64) s.startTimeUnixNano = r.fixed64();
    else if (field === 8 && wire === WIRE_I64) s.endTimeUnixNano = r.fixed64();
    else if (field === 16 && wire === WIRE_I32) s.flags = r.fixed32();
    else r.skip(wire);
  }
  return s;
}

function spanBytesField(r: ProtoReader, field: number, s: OtlpSpan): void {
  switch (field) {
    case 1:
      s.traceId = toHex(r.bytesField());
      return;
    case 2:
      s.spanId = toHex(r.bytesField());
      return;
    case 3:
      s.traceState = r.string();
      return;
    case 4:
      s.parentSpanId = toHex(r.bytesField());
      return;
    case 5:
      s.name = r.string();
      return;
    case 9:
      decodeKeyValue(r.message(), s.attributes);
      return;
    case 11:
      s.events.push(event(r.message()));
      return;
    case 13:
      s.links.push(link(r.message()));
      return;
    case 15:
      s.status = status(r.message());
      return;
    default:
      r.skip(WIRE_LEN);
  }
}

// Event: time_unix_nano = 1, name = 2, attributes = 3.
function event(r: ProtoReader): OtlpSpanEvent {
  const e: OtlpSpanEvent = { name: '', timeUnixNano: 0n, attributes: {} };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_I64) e.timeUnixNano = r.fixed64();
    else if (field === 2 && wire === WIRE_LEN) e.name = r.string();
    else if (field === 3 && wire === WIRE_LEN) decodeKeyValue(r.message(), e.attributes);
    else r.skip(wire);
  }
  return e;
}

// Link: trace_id = 1, span_id = 2, trace_state = 3, attributes = 4.
function link(r: ProtoReader): OtlpSpanLink {
  const l: OtlpSpanLink = { traceId: '', spanId: '', traceState: '', attributes: {} };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (wire !== WIRE_LEN) r.skip(wire);
    else if (field === 1) l.traceId = toHex(r.bytesField());
    else if (field === 2) l.spanId = toHex(r.bytesField());
    else if (field === 3) l.traceState = r.string();
    else if (field === 4) decodeKeyValue(r.message(), l.attributes);
    else r.skip(wire);
  }
  return l;
}

// Status: message = 2, code = 3 (field 1 is reserved).
function status(r: ProtoReader): OtlpStatus {
  const s: OtlpStatus = { code: 'unset', message: '' };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 2 && wire === WIRE_LEN) s.message = r.string();
    else if (field === 3 && wire === WIRE_VARINT) s.code = STATUS_CODES[r.varint()] ?? 'unset';
    else r.skip(wire);
  }
  return s;
}
