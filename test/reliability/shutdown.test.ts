/**
 * Shutdown: nothing recorded before it is lost (counted at the receiving
 * server, cumulative and delta), it resolves within its budget when the
 * backend is dead, it is idempotent, recording afterwards is a counted
 * no-op, and a process that only starts telemetry exits by itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { reporter } from '../../src/internal/report.js';
import { startTelemetry } from '../../src/setup/start.js';
import type { TelemetryOptions } from '../../src/config/options.js';

const N = 1500;

function options(receiverUrl: string, extra: TelemetryOptions = {}): TelemetryOptions {
  return {
    env: {},
    registerGlobal: false,
    otlpMetrics: { url: `${receiverUrl}/v1/metrics` },
    otlpTraces: { url: `${receiverUrl}/v1/traces` },
    // Nothing is exported before shutdown: shutdown alone must deliver.
    exportIntervalMillis: 600_000,
    ...extra,
  };
}

/** Sum of histogram counts of a metric over every export received. */
function countOver(receiver: OtlpReceiver, name: string, temporality: 'delta' | 'cumulative') {
  const copies = receiver.metrics(name);
  const counts = copies.map((m) => m.type === 'histogram'
    ? m.dataPoints.reduce((n, p) => n + p.count, 0) : 0);
  return temporality === 'delta' ? counts.reduce((a, b) => a + b, 0) : Math.max(0, ...counts);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('shutdown', () => {
  it.each(['cumulative', 'delta'] as const)(
    'delivers everything recorded before it (%s): zero lost',
    async (temporality) => {
      const receiver = await OtlpReceiver.start();
      const t = startTelemetry(options(receiver.url, { temporality }));
      for (let i = 0; i < N; i++) {
        const op = t.asr.start({ model: 'whisper-small', language: 'en' });
        op.end({ audioSeconds: 1 + (i % 7) });
      }
      t.translation.recordCost(0.5, { model: 'nllb' });
      await t.shutdown();
      await receiver.close();

      expect(countOver(receiver, 'speech.asr.duration', temporality)).toBe(N);
      expect(countOver(receiver, 'speech.asr.audio.duration', temporality)).toBe(N);
      expect(receiver.spans('asr whisper-small')).toHaveLength(N);
      const metric = receiver.lastMetric('speech.asr.duration');
      expect(metric?.type === 'histogram' && metric.aggregationTemporality).toBe(temporality);
    },
  );

  it.each(['closed port', 'hanging server'] as const)(
    'resolves within its budget when the backend is dead (%s)',
    async (kind) => {
      const budget = 1500;
      const receiver = kind === 'hanging server'
        ? await OtlpReceiver.start({ fault: () => ({ kind: 'hang' }) })
        : undefined;
      const url = receiver?.url ?? `http://127.0.0.1:${await closedPort()}`;
      const t = startTelemetry(options(url, { shutdownTimeoutMillis: budget }));
      for (let i = 0; i < 100; i++) t.tts.start({ model: 'piper' }).end({ audioSeconds: 1 });

      const started = performance.now();
      await t.shutdown();
      const elapsed = performance.now() - started;
      await receiver?.close();

      console.log(JSON.stringify({ deadBackend: kind, budgetMs: budget,
        shutdownMs: Math.round(elapsed) }));
      // Generous: the budget plus scheduling slack on a busy machine.
      expect(elapsed).toBeLessThan(budget + 1000);
    },
  );

  it('is idempotent, and recording afterwards is a counted no-op', async () => {
    const receiver = await OtlpReceiver.start();
    const t = startTelemetry(options(receiver.url));
    const first = t.shutdown();
    expect(t.shutdown()).toBe(first);
    await first;
    expect(t.status().shutDown).toBe(true);

    const before = reporter().dropped().after_shutdown;
    expect(() => {
      const op = t.translation.start({ model: 'late' });
      op.firstToken();
      op.end({ inputCharacters: 3 });
      t.tts.recordNaturalness(4, { model: 'late' });
    }).not.toThrow();
    await expect(t.forceFlush()).resolves.toBeUndefined();
    await expect(t.shutdown()).resolves.toBeUndefined();
    expect(reporter().dropped().after_shutdown).toBeGreaterThanOrEqual(before + 3);
    const exportsAtShutdown = receiver.metricsExports().length;
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.metricsExports()).toHaveLength(exportsAtShutdown);
    await receiver.close();
  });

  const dist = resolve(__dirname, '../../dist/index.js');
  it.skipIf(!existsSync(dist))('lets a process that only starts telemetry exit by itself', () => {
    // Default settings: export every 60 s, to an endpoint that is not there.
    const script = `import(${JSON.stringify(dist)}).then((m) => { m.startTelemetry(); })`;
    const run = spawnSync(process.execPath, ['-e', script], {
      timeout: 20_000,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(run.signal).toBeNull(); // not killed by the timeout
    expect(run.status).toBe(0);
  });
});
