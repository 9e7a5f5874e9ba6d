/**
 * The event-loop scenario, functionally: with every ASR metric at the
 * default limit of 2,000 series, one export carries all of them, each
 * metric with exactly 2,000 points. The delay figures come from
 * bench/event-loop.mjs (timing is not asserted in tests).
 */
import { expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { startTelemetry } from '../../src/setup/start.js';

it('exports the maximum number of series on several metrics in one export', async () => {
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

  expect(receiver.metricsExports()).toHaveLength(1);
  for (const name of ['speech.asr.duration', 'speech.asr.time_to_first_result',
    'speech.asr.audio.duration', 'speech.asr.real_time_factor', 'speech.asr.confidence',
    'speech.asr.active_streams']) {
    const m = receiver.lastMetric(name)!;
    expect(m.dataPoints, name).toHaveLength(2000);
  }
});
