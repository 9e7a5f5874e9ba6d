import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseThresholds, ThresholdMonitor } from '../../src/thresholds/index.js';
import { AlertmanagerNotifier } from '../../src/thresholds/notifier.js';
import { reporter } from '../../src/internal/report.js';
import { freePort, poll } from '../helpers/processes.js';
import { binary, tempDir } from './helpers.js';

const ALERTMANAGER = binary('/usr/bin/prometheus-alertmanager');

interface ApiAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  status: { state: string };
}

describe.skipIf(ALERTMANAGER === undefined)('Alertmanager notifier (real Alertmanager)', () => {
  let child: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    const dir = tempDir('am');
    const port = await freePort();
    writeFileSync(join(dir, 'am.yml'), 'route:\n  receiver: none\nreceivers:\n  - name: none\n');
    child = spawn(ALERTMANAGER!, [
      `--config.file=${join(dir, 'am.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    await poll(async () => ((await fetch(`${base}/-/ready`)).ok ? true : undefined),
      20_000, 'Alertmanager to start');
  });

  afterAll(() => {
    child?.kill('SIGTERM');
  });

  async function alerts(): Promise<ApiAlert[]> {
    return (await (await fetch(`${base}/api/v2/alerts`)).json()) as ApiAlert[];
  }

  it('receives a firing alert and its resolution', async () => {
    const { rules } = parseThresholds({ rules: [{ name: 'mt-latency-p95',
      metric: 'speech.translation.duration', stat: 'p95', condition: '< 800ms', min_samples: 5,
      severity: 'high', group_by: ['speech.model'] }] });
    // The clock runs two minutes behind so the resolution lands at about
    // the real time; the Alertmanager resolves an alert whose endsAt passed.
    let now = Date.now() - 126_000;
    // Credentials in the URL become a header (the Alertmanager ignores it).
    const url = base.replace('http://', 'http://user:secret@');
    const monitor = new ThresholdMonitor({ rules, now: () => now, alertmanager: { url } });
    const feed = monitor.bind('speech.translation.duration', { 'speech.model': 'nllb' })!;
    for (let i = 0; i < 20; i++) feed(1.5);
    now += 5000;
    monitor.evaluate();

    const fired = await poll(async () => {
      const found = (await alerts()).find((a) => a.labels.alertname === 'mt_latency_p95');
      return found;
    }, 15_000, 'the alert in the Alertmanager');
    expect(fired.labels).toEqual({ alertname: 'mt_latency_p95', severity: 'high',
      speechmetry_rule: 'mt-latency-p95', 'speech_model': 'nllb' });
    expect(fired.status.state).toBe('active');
    expect(Number(fired.annotations.value)).toBeCloseTo(1.5, 1);

    now += 120_000; // the slow values leave the window
    for (let i = 0; i < 20; i++) feed(0.1);
    monitor.evaluate();
    await poll(async () => {
      const list = await alerts();
      return list.some((a) => a.labels.alertname === 'mt_latency_p95') ? undefined : true;
    }, 15_000, 'the alert to resolve');
    await monitor.shutdown();
  });

  it('drops after bounded retries when the Alertmanager is unreachable, without blocking', async () => {
    const port = await freePort();
    const before = reporter().dropped().export_failed;
    const notifier = new AlertmanagerNotifier({ url: `http://127.0.0.1:${port}`, maxAttempts: 2,
      backoffMs: 10, maxQueue: 3 });
    for (let i = 0; i < 5; i++) {
      notifier.enqueue({ labels: { alertname: `a${i}` }, annotations: {}, startsAt: new Date().toISOString() });
    }
    // Every alert is either dropped from the full queue or given up on
    // after two attempts; none is left waiting.
    const { counts } = notifier;
    await poll(async () => (counts.failed + counts.dropped === 5 ? true : undefined),
      10_000, 'retries');
    expect(counts.dropped).toBeGreaterThanOrEqual(2);
    expect(counts.sent).toBe(0);
    expect(reporter().dropped().export_failed).toBeGreaterThan(before);
    await notifier.shutdown(100);
  });
});
