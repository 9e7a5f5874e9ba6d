/**
 * The bounded store of decoded exports behind the receiver, with the
 * flattening helpers tests and the demo read through.
 */
import type { OtlpEncoding } from './decode.js';
import type { OtlpSignal } from './faults.js';
import type {
  OtlpMetricsRequest,
  OtlpTraceRequest,
  ReceivedMetric,
  ReceivedSpan,
} from './types.js';

interface ExportBase {
  encoding: OtlpEncoding;
  /** Body size as sent (compressed when it was), in bytes. */
  wireBytes: number;
  /** Body size after decompression, in bytes. */
  bodyBytes: number;
  /** Wall-clock arrival time, epoch milliseconds. */
  receivedAt: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The decompressed body, kept only with the `keepBodies` option. */
  body?: Buffer;
}

/** One accepted metrics export. */
export interface ReceivedMetricsExport extends ExportBase {
  signal: 'metrics';
  request: OtlpMetricsRequest;
}

/** One accepted trace export. */
export interface ReceivedTraceExport extends ExportBase {
  signal: 'traces';
  request: OtlpTraceRequest;
}

/** One accepted export of either signal. */
export type ReceivedExport = ReceivedMetricsExport | ReceivedTraceExport;

/** Counters of what reached the receiver. */
export interface OtlpReceiverStats {
  /** Requests per signal path, faulted and rejected ones included. */
  requests: Record<OtlpSignal, number>;
  /** Requests decoded and kept (or counted, once the store was full). */
  accepted: Record<OtlpSignal, number>;
  /** Requests answered by a scripted fault instead. */
  faulted: number;
  /** Requests answered 400/404/405/413/415 (bad path, type or body). */
  rejected: number;
  /** Bytes of request bodies as sent, all requests. */
  wireBytes: number;
  /** Bytes of accepted bodies after decompression. */
  bodyBytes: number;
  /** Oldest exports evicted because the store was full. */
  evicted: number;
}

/** Keeps the newest `limit` exports per signal. */
export class ExportStore {
  private readonly kept: Record<OtlpSignal, ReceivedExport[]> = { metrics: [], traces: [] };
  readonly stats: OtlpReceiverStats = {
    requests: { metrics: 0, traces: 0 },
    accepted: { metrics: 0, traces: 0 },
    faulted: 0,
    rejected: 0,
    wireBytes: 0,
    bodyBytes: 0,
    evicted: 0,
  };

  constructor(private readonly limit: number) {}

  add(e: ReceivedExport): void {
    const list = this.kept[e.signal];
    list.push(e);
    if (list.length > this.limit) {
      list.shift();
      this.stats.evicted++;
    }
    this.stats.accepted[e.signal]++;
    this.stats.bodyBytes += e.bodyBytes;
  }

  exports(signal: 'metrics'): ReceivedMetricsExport[];
  exports(signal: 'traces'): ReceivedTraceExport[];
  exports(signal: OtlpSignal): ReceivedExport[] {
    return [...this.kept[signal]];
  }

  clear(): void {
    this.kept.metrics = [];
    this.kept.traces = [];
  }
}

/** Every metric in the given exports, in arrival order, with its origin. */
export function flattenMetrics(exports: ReceivedMetricsExport[]): ReceivedMetric[] {
  const out: ReceivedMetric[] = [];
  for (const e of exports) {
    for (const rm of e.request.resourceMetrics) {
      for (const sm of rm.scopeMetrics) {
        for (const m of sm.metrics) out.push({ ...m, resource: rm.resource, scope: sm.scope });
      }
    }
  }
  return out;
}

/** Every span in the given exports, in arrival order, with its origin. */
export function flattenSpans(exports: ReceivedTraceExport[]): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const e of exports) {
    for (const rs of e.request.resourceSpans) {
      for (const ss of rs.scopeSpans) {
        for (const s of ss.spans) out.push({ ...s, resource: rs.resource, scope: ss.scope });
      }
    }
  }
  return out;
}
