/**
 * Self-observability: what speechmetry dropped, by reason, is readable
 * through `status()` and exported as `speechmetry.dropped`, and matches
 * what the test did: invalid values, spans beyond the full batch queue,
 * failed exports (overflow: see cardinality.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import type { DropReason } from '../../src/internal/report.js';
import { startTelemetry } from '../../src/setup/start.js';
import { captureDiag } from './support/diag.js';

function exported(receiver: OtlpReceiver, reason: DropReason): number | undefined {
  const m = receiver.lastMetric('speechmetry.dropped');
  if (m?.type !== 'sum') return undefined;
  const p = m.dataPoints.find((d) => d.attributes['speechmetry.drop.reason'] === reason);
  return p === undefined ? undefined : Number(p.value);
}

describe('drop counters', () => {
  it('count invalid values, queue_full and export_failed, in status() and exported', async () => {
    const metrics = await OtlpReceiver.start();
    const traces = await OtlpReceiver.start({ fault: () => ({ kind: 'hang' }) });
    const t = startTelemetry({
      env: {},
      registerGlobal: false,
      otlpMetrics: { url: metrics.endpoint('metrics') },
      otlpTraces: { url: traces.endpoint('traces'), timeoutMillis: 500 },
      exportIntervalMillis: 600_000,
      shutdownTimeoutMillis: 3000,
    });
    const before = t.status().dropped;
    const logs = captureDiag();

    for (let i = 0; i < 7; i++) t.tts.recordNaturalness(Number.NaN, { model: 'piper' });
    t.asr.start({ model: 'w' }).end({ confidence: -1 });
    // A burst ended synchronously overfills the batch queue (2048) while
    // the first batch hangs at the server.
    for (let i = 0; i < 3000; i++) t.translation.start({ model: 'm' }).end();
    const afterBurst = t.status().dropped;
    expect(afterBurst.invalid_value - before.invalid_value).toBe(8);
    const queueFull = afterBurst.queue_full - before.queue_full;
    expect(queueFull).toBeGreaterThan(0);

    // The span export to the hanging server times out: one failure or more.
    await new Promise((r) => setTimeout(r, 1500));
    // The processor reports its own count when the next span finds room.
    t.translation.start({ model: 'm' }).end();
    logs.restore();
    const sdkCount = logs.lines.map((l) => /Dropped (\d+) spans/.exec(l.text)?.[1])
      .find((n) => n !== undefined);
    expect(Number(sdkCount)).toBe(queueFull);
    const beforeFlush = t.status().dropped;
    await t.forceFlush();
    const atExport = t.status().dropped;
    expect(beforeFlush.export_failed - before.export_failed).toBeGreaterThanOrEqual(1);
    for (const reason of ['invalid_value', 'queue_full'] as const) {
      expect(exported(metrics, reason), reason).toBe(atExport[reason]);
    }
    // Span exports failing during the flush may land after the collection.
    expect(exported(metrics, 'export_failed')).toBeGreaterThanOrEqual(beforeFlush.export_failed);
    expect(exported(metrics, 'export_failed')).toBeLessThanOrEqual(atExport.export_failed);
    await t.shutdown();
    await metrics.close();
    await traces.close();
  });
});
