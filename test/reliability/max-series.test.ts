/**
 * The event-loop scenario, functionally: with every ASR metric at the
 * default limit of 2,000 series, one collection delivers all of them,
 * each metric with exactly 2,000 points, split into requests of at most
 * 1,000 points so no single serialisation holds the event loop. The
 * delay figures come from bench/event-loop.mjs (timing is not asserted
 * in tests).
 */
import { expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { startTelemetry } from '../../src/setup/start.js';

it('exports the maximum number of series on several metrics in one collection', async () => {
  const receiver = await OtlpReceiver.start();
  const t = startTelemetry({
    env: {}, registerGlobal: false, tracesExporter: 'none',
    otlpMetrics: { url: receiver.endpoint('metrics') }, exportIntervalMillis: 600_000,
  });
  for (let i = 0; i < 2100; i++) {
    const op = t.asr.start({ model: `model-${i}`, language: 'en' });
    op.firstResult();
    op.end({ audioSeconds: 2, confidence: 0.8 });
  }
  await t.shutdown();
  await receiver.close();

  const exports = receiver.metricsExports();
  const pointsIn = (e: (typeof exports)[number]) => e.request.resourceMetrics
    .flatMap((r) => r.scopeMetrics).flatMap((s) => s.metrics)
    .reduce((n, m) => n + m.dataPoints.length, 0);
  expect(exports.length).toBeGreaterThan(1);
  for (const e of exports) expect(pointsIn(e)).toBeLessThanOrEqual(1000);
  for (const name of ['speech.asr.duration', 'speech.asr.time_to_first_result',
    'speech.asr.audio.duration', 'speech.asr.real_time_factor', 'speech.asr.confidence',
    'speech.asr.active_streams']) {
    const points: { attributes: Record<string, unknown> }[] =
      receiver.metrics(name).flatMap((m) => m.dataPoints as { attributes: Record<string, unknown> }[]);
    expect(points, name).toHaveLength(2000);
    expect(new Set(points.map((p) => p.attributes['speech.model'])).size, name).toBe(2000);
  }
});
