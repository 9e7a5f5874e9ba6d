import { afterEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { startTelemetry } from '../../src/setup/start.js';
import { SpeechmetryConfigError } from '../../src/config/options.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('startTelemetry', () => {
  it('adds no signal handlers unless asked, and removes nothing the host has', async () => {
    const before = ['SIGTERM', 'SIGINT', 'beforeExit'].map((s) => process.listenerCount(s));
    const telemetry = startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' });
    const after = ['SIGTERM', 'SIGINT', 'beforeExit'].map((s) => process.listenerCount(s));
    expect(after).toEqual(before);
    await telemetry.shutdown();

    const asked = startTelemetry({
      metricsExporter: 'none', tracesExporter: 'none', shutdownOnExit: true,
    });
    expect(process.listenerCount('SIGTERM')).toBe(before[0]! + 1);
    await asked.shutdown();
  });

  it('throws a typed error for a bad code option, before building anything', () => {
    expect(() => startTelemetry({ exportIntervalMillis: -1 })).toThrow(SpeechmetryConfigError);
  });

  it('returns the running instance on a second call, and a new one after shutdown', async () => {
    const first = startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' });
    expect(startTelemetry()).toBe(first);
    await first.shutdown();
    await first.shutdown();
    const second = startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' });
    expect(second).not.toBe(first);
    await second.shutdown();
  });

  it('exports host and runtime metrics when asked', async () => {
    const receiver = await OtlpReceiver.start();
    try {
      const telemetry = startTelemetry({
        hostMetrics: true,
        tracesExporter: 'none',
        otlpMetrics: { url: receiver.endpoint('metrics') },
      });
      await new Promise((r) => setTimeout(r, 1000));
      await telemetry.shutdown();
      const names = new Set(receiver.metrics().map((m) => m.name));
      expect([...names].some((n) => n.startsWith('process.cpu'))).toBe(true);
      expect([...names].some((n) => n.startsWith('nodejs.eventloop'))).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});
