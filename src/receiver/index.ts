/**
 * An OTLP/HTTP receiver with protobuf and JSON decoders written from the
 * opentelemetry-proto definitions: the embedded backend of the demo and
 * of the integration tests.
 *
 * @packageDocumentation
 */
export { OtlpReceiver } from './server.js';
export type { OtlpReceiverOptions, OtlpExportListener } from './server.js';
export { failNext } from './faults.js';
export type { OtlpFault, OtlpFaultHook, OtlpRequestInfo, OtlpSignal } from './faults.js';
export type {
  OtlpReceiverStats,
  ReceivedExport,
  ReceivedMetricsExport,
  ReceivedTraceExport,
} from './store.js';
export { decodeMetricsRequest } from './proto-metrics.js';
export { decodeTraceRequest } from './proto-trace.js';
export { decodeMetricsJson, decodeTraceJson } from './json.js';
export { ProtoDecodeError, ProtoReader } from './wire.js';
export { histogramDelta, histogramQuantile, pointsOf } from './query.js';
export type { BucketedPoint } from './query.js';
export type * from './types.js';
