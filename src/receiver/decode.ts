/**
 * Body decoding for the receiver: content encoding first (gzip, deflate),
 * then the payload by content type (binary protobuf or OTLP/JSON).
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import type { OtlpSignal } from './faults.js';
import { decodeMetricsJson, decodeTraceJson } from './json.js';
import { decodeMetricsRequest } from './proto-metrics.js';
import { decodeTraceRequest } from './proto-trace.js';
import type { OtlpMetricsRequest, OtlpTraceRequest } from './types.js';
import { ProtoDecodeError } from './wire.js';

/** The two payload encodings of OTLP over HTTP. */
export type OtlpEncoding = 'protobuf' | 'json';

/** Picks the encoding from a Content-Type header, or `undefined`. */
export function encodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') {
    return 'protobuf';
  }
  if (type === 'application/json') return 'json';
  return undefined;
}

/** Undoes a Content-Encoding; throws ProtoDecodeError on an unknown one. */
export function decompress(body: Buffer, encoding: string | undefined): Buffer {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return body;
  if (e === 'gzip' || e === 'x-gzip') return gunzipSync(body);
  if (e === 'deflate') return inflateSync(body);
  throw new ProtoDecodeError(`unsupported content-encoding ${e}`);
}

/** Decodes a metrics export body in the given encoding. */
export function decodeMetrics(body: Uint8Array, encoding: OtlpEncoding): OtlpMetricsRequest {
  if (encoding === 'protobuf') return decodeMetricsRequest(body);
  return decodeMetricsJson(parseJson(body));
}

/** Decodes a trace export body in the given encoding. */
export function decodeTraces(body: Uint8Array, encoding: OtlpEncoding): OtlpTraceRequest {
  if (encoding === 'protobuf') return decodeTraceRequest(body);
  return decodeTraceJson(parseJson(body));
}

/** Decodes a body for `signal`. */
export function decodeBody(
  signal: OtlpSignal,
  body: Uint8Array,
  encoding: OtlpEncoding,
): OtlpMetricsRequest | OtlpTraceRequest {
  return signal === 'metrics' ? decodeMetrics(body, encoding) : decodeTraces(body, encoding);
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString());
  } catch {
    throw new ProtoDecodeError('OTLP/JSON body is not valid JSON');
  }
}
