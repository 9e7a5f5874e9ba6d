import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { METRIC_TRANSLATION_DURATION } from '../../src/semconv.js';
import { OtelSink } from '../../src/sink/otel-sink.js';
import { Recorder } from '../../src/sink/recorder.js';
import { parseThresholds, ThresholdMonitor, type AlertEvent } from '../../src/thresholds/index.js';
import { fakeClock } from './helpers.js';

describe('a service loop crossing a p95 budget and back', () => {
  it('fires and resolves once each, within the window plus one tick', async () => {
    const windowMs = 30_000;
    const tickMs = 5000;
    const { rules } = parseThresholds({ rules: [{ name: 'mt-p95', metric: 'speech.translation.duration',
      stat: 'p95', condition: '< 800ms', window: '30s', min_samples: 20, severity: 'high' }] });
    const clock = fakeClock();
    const provider = new MeterProvider();
    const recorder = new Recorder(new OtelSink(provider.getMeter('test')));
    const monitor = new ThresholdMonitor({ rules, now: clock.now, evaluationIntervalMs: tickMs, recorder });
    recorder.setFeed(monitor);
    const events: AlertEvent[] = [];
    monitor.on('alert', (e) => {
      events.push(e);
    });

    // The service: each request takes `latency` seconds; it records
    // through the same series the families use.
    const series = recorder.series(METRIC_TRANSLATION_DURATION, { 'speech.model': 'nllb' });
    const serve = async (latency: number) => {
      await Promise.resolve();
      series.record(latency);
    };
    const slowFrom = 60_000;
    const slowUntil = 120_000;
    const start = clock.now();
    let lastTick = start;
    for (let t = 0; t < 240_000; t += 100) {
      clock.set(start + t);
      const slow = t >= slowFrom && t < slowUntil;
      await serve(slow ? 1.2 + (t % 7) * 0.05 : 0.2 + (t % 5) * 0.02);
      if (clock.now() - lastTick >= tickMs) {
        lastTick = clock.now();
        monitor.evaluate();
      }
    }

    const firing = events.filter((e) => e.state === 'firing');
    const resolved = events.filter((e) => e.state === 'resolved');
    expect(firing).toHaveLength(1);
    expect(resolved).toHaveLength(1);
    expect(firing[0]!.at - start).toBeGreaterThanOrEqual(slowFrom);
    expect(firing[0]!.at - start).toBeLessThanOrEqual(slowFrom + windowMs + tickMs);
    expect(resolved[0]!.at - start).toBeGreaterThan(slowUntil);
    expect(resolved[0]!.at - start).toBeLessThanOrEqual(slowUntil + windowMs + tickMs);
    expect(firing[0]!.value).toBeGreaterThan(0.8);
    await monitor.shutdown();
    await provider.shutdown();
  });
});
