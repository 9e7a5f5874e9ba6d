import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTelemetry } from '../../src/setup/start.js';
import { freePort, hasBinary, poll, startProcess, stop } from '../helpers/processes.js';

const PROMETHEUS = '/usr/bin/prometheus';
const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
});

async function query(base: string, promql: string): Promise<number | undefined> {
  const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await res.json()) as {
    status: string;
    data: { result: { value: [number, string] }[] };
  };
  if (body.status !== 'success' || body.data.result.length === 0) return undefined;
  return Number(body.data.result[0]!.value[1]);
}

describe.skipIf(!hasBinary(PROMETHEUS))('a real Prometheus scraping the endpoint', () => {
  it('answers histogram_quantile over speech_translation_duration_seconds_bucket', async () => {
    const exporterPort = await freePort();
    const prometheusPort = await freePort();
    process.env.OTEL_METRICS_EXPORTER = 'prometheus';
    process.env.OTEL_TRACES_EXPORTER = 'none';
    process.env.OTEL_EXPORTER_PROMETHEUS_HOST = '127.0.0.1';
    process.env.OTEL_EXPORTER_PROMETHEUS_PORT = String(exporterPort);
    const telemetry = startTelemetry();

    // 100 translations: 90 of 0.3 s and 10 of 0.9 s, timed on a clock the
    // test moves. The 95th of 100 lies in the (0.8, 1] bucket, half way.
    const pair = { model: 'nllb-600m', sourceLanguage: 'en', targetLanguage: 'de' };
    let now = 1_000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    for (const seconds of [...Array(90).fill(0.3), ...Array(10).fill(0.9)]) {
      const op = telemetry.translation.start(pair);
      now += seconds * 1000;
      op.end({});
      telemetry.translation.recordQuality({ bleu: 50 }, pair);
    }
    clock.mockRestore();

    const dir = mkdtempSync(join(tmpdir(), 'speechmetry-prom-'));
    const config = join(dir, 'prometheus.yml');
    writeFileSync(config, [
      'global:',
      '  scrape_interval: 1s',
      'scrape_configs:',
      '  - job_name: speechmetry',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${exporterPort}']`,
    ].join('\n'));
    const prometheus = startProcess(PROMETHEUS, [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${prometheusPort}`,
    ]);
    const base = `http://127.0.0.1:${prometheusPort}`;
    try {
      const count = await poll(
        () => query(base, 'sum(speech_translation_duration_seconds_count)'),
        45_000,
        "a scrape",
      );
      expect(count).toBe(100);
      const p95 = await query(base,
        'histogram_quantile(0.95, sum by (le) (speech_translation_duration_seconds_bucket))');
      // Rank 95 of 100: 90 observations lie below 0.8, so Prometheus
      // interpolates half way through the (0.8, 1] bucket.
      expect(p95).toBeCloseTo(0.9, 9);
      const bleu = await query(base,
        'sum({__name__=~"speech_translation_quality_bleu.*_sum"})');
      expect(bleu).toBeCloseTo(50, 6);
    } catch (error) {
      throw new Error(`${String(error)}; exit ${prometheus.exitCode}; ${prometheus.output().slice(-3000)}`);
    } finally {
      await stop(prometheus);
      await telemetry.shutdown();
    }
  });
});
