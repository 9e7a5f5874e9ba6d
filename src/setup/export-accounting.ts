/**
 * Self-observability of exporting: failed exports and spans dropped by a
 * full queue are counted by the reporter (`export_failed`, `queue_full`),
 * so `status()` and `speechmetry.dropped` show them. The SDK only logs
 * them through diag.
 */
import { TraceFlags, type Context } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { reporter } from '../internal/report.js';

type Export<T> = (items: T, done: (result: ExportResult) => void) => void;

/**
 * Wraps `exporter.export` so a result other than success counts one
 * `export_failed` for `signal`, and calls `onBatch` with each batch as it
 * leaves. The exporter object is kept: its other methods stay as they are.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function countExportFailures<E extends { export: Export<any> }>(
  exporter: E,
  signal: 'metrics' | 'traces',
  onBatch?: (items: unknown) => void,
): E {
  const original = exporter.export.bind(exporter) as Export<unknown>;
  const counted: Export<unknown> = (items, done) => {
    onBatch?.(items);
    original(items, (result) => {
      if (result.code !== ExportResultCode.SUCCESS) reporter().drop('export_failed', signal);
      done(result);
    });
  };
  (exporter as unknown as { export: Export<unknown> }).export = counted;
  return exporter;
}

/**
 * A BatchSpanProcessor whose queue length is mirrored here: a sampled span
 * ended while `maxQueueSize` spans wait is dropped by the processor and
 * counted as `queue_full`. Spans leave the queue when a batch is handed to
 * the exporter.
 */
export function countedBatchProcessor(exporter: SpanExporter, maxQueueSize: number): SpanProcessor {
  let queued = 0;
  countExportFailures(exporter, 'traces', (spans) => {
    queued = Math.max(0, queued - (spans as unknown[]).length);
  });
  const batch = new BatchSpanProcessor(exporter, { maxQueueSize });
  let closed = false;
  return {
    onStart: (span: Span, parent: Context) => batch.onStart(span, parent),
    onEnd(span: ReadableSpan) {
      if (!closed && (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0) {
        if (queued >= maxQueueSize) reporter().drop('queue_full', 'traces');
        else queued++;
      }
      batch.onEnd(span);
    },
    forceFlush: () => batch.forceFlush(),
    shutdown() {
      closed = true;
      return batch.shutdown();
    },
  };
}
