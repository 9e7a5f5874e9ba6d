import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LATENCY_BUCKETS_SECONDS } from '../../src/semconv.js';
import {
  generatePrometheusRules,
  summaryOf,
  parseThresholds,
  ThresholdMonitor,
  type AlertState,
} from '../../src/thresholds/index.js';
import { binary, fakeClock, tempDir } from './helpers.js';

const PROMTOOL = binary('/usr/bin/promtool');
const EXAMPLES = ['examples/thresholds.yaml', 'examples/thresholds-product.yaml'];

function promtool(...args: string[]): string {
  try {
    return execFileSync(PROMTOOL!, args, { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`promtool ${args[0]} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

const STEP_S = 15;
const STEPS = 60; // 15 minutes of data
/** Latencies of the requests in one 15 s step: slow between minute 5 and 10. */
function latencies(step: number): number[] {
  const slow = step >= 20 && step < 40;
  return Array.from({ length: 10 }, (_, i) => (slow && i < 2 ? 1.4 : 0.12 + i * 0.01));
}

describe.skipIf(PROMTOOL === undefined)('generated Prometheus rules (promtool)', () => {
  it.each(['any', 'exporter', 'otlp'] as const)('pass promtool check rules (%s naming)', (naming) => {
    const dir = tempDir('rules');
    for (const example of EXAMPLES) {
      const { rules } = parseThresholds(readFileSync(example, 'utf8'));
      const file = join(dir, 'rules.yaml');
      writeFileSync(file, generatePrometheusRules(rules, { naming }));
      expect(promtool('check', 'rules', file)).toContain('SUCCESS');
    }
  });

  it('fire on the same data as the in-process check (promtool test rules)', () => {
    const { rules } = parseThresholds({ evaluation_interval: '15s', rules: [{
      name: 'mt-latency-p95', metric: 'speech.translation.duration', stat: 'p95',
      condition: '< 800ms', window: '1m', for: '30s', min_samples: 20, severity: 'high',
      where: { 'speech.target_language': 'de' }, group_by: ['speech.model'],
    }] });

    // In-process: the same requests, one evaluation per 15 s step.
    const clock = fakeClock(0);
    const monitor = new ThresholdMonitor({ rules, now: clock.now, evaluationIntervalMs: 15_000 });
    const feed = monitor.bind('speech.translation.duration',
      { 'speech.model': 'nllb', 'speech.target_language': 'de' })!;
    const states: AlertState[] = [];
    for (let step = 1; step <= STEPS; step++) {
      for (const v of latencies(step)) feed(v);
      clock.set(step * STEP_S * 1000);
      monitor.evaluate();
      states.push(monitor.status()[0]!.groups[0]!.state);
    }
    const firingSteps = states.flatMap((s, i) => (s === 'firing' ? [i + 1] : []));
    expect(firingSteps.length).toBeGreaterThan(5);

    // Prometheus: cumulative bucket, count and sum series of the same requests.
    const labels = 'speech_model="nllb",speech_target_language="de"';
    const buckets = [...LATENCY_BUCKETS_SECONDS, Number.POSITIVE_INFINITY];
    const cumulative = (f: (v: number) => number) => {
      const out = [0];
      for (let step = 1; step <= STEPS; step++) {
        out.push(out[out.length - 1]! + latencies(step).reduce((a, v) => a + f(v), 0));
      }
      return out.map((n) => Number(n.toFixed(6))).join(' ');
    };
    const series = buckets.map((le) => ({
      series: `speech_translation_duration_bucket{${labels},le="${le === Infinity ? '+Inf' : le}"}`,
      values: cumulative((v) => (v <= le ? 1 : 0)),
    }));
    series.push({ series: `speech_translation_duration_count{${labels}}`, values: cumulative(() => 1) });
    series.push({ series: `speech_translation_duration_sum{${labels}}`, values: cumulative((v) => v) });

    // Assert at steps where the in-process state is stable for a minute.
    const stable = (s: number, want: AlertState) =>
      [s - 2, s - 1, s, s + 1, s + 2].every((i) => states[i - 1] === want);
    const quiet = [10, 50].filter((s) => stable(s, 'ok'));
    const loud = [30, 35].filter((s) => stable(s, 'firing'));
    expect(quiet.length + loud.length).toBe(4);
    const alert = {
      exp_labels: { severity: 'high', speechmetry_rule: 'mt-latency-p95', speech_model: 'nllb' },
      exp_annotations: { summary: summaryOf(rules[0]!) },
    };
    const tests = [{
      interval: `${STEP_S}s`,
      input_series: series,
      alert_rule_test: [
        ...quiet.map((s) => ({ eval_time: `${s * STEP_S}s`, alertname: 'mt_latency_p95', exp_alerts: [] })),
        ...loud.map((s) => ({ eval_time: `${s * STEP_S}s`, alertname: 'mt_latency_p95',
          exp_alerts: [alert] })),
      ],
    }];
    const dir = tempDir('promtest');
    writeFileSync(join(dir, 'rules.yaml'), generatePrometheusRules(rules, { intervalMs: 15_000 }));
    writeFileSync(join(dir, 'test.yaml'), stringify({
      rule_files: ['rules.yaml'], evaluation_interval: `${STEP_S}s`, tests,
    }, { lineWidth: 0 }));
    const output = execFileSync(PROMTOOL!, ['test', 'rules', 'test.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(output).toContain('SUCCESS');
  });
});
