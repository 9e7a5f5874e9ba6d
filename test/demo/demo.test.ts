import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDemo } from '../../src/demo/run.js';
import { DEMO_THRESHOLDS_YAML } from '../../src/demo/thresholds.js';

function collector(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('speechmetry demo', () => {
  it('shows every stage, percentiles, scores and a rule that fires then resolves', async () => {
    const out = collector();
    const stderr = vi.spyOn(process.stderr, 'write');

    // 20 s: the spike (25–45 % of the run) then lasts 4 s, long enough for
    // the p95 rule to fire and for its 4 s window to clear before the end,
    // even when other test files share the two cores.
    const code = await runDemo({ durationSeconds: 20, seed: 11, stdout: out, env: {} });

    expect(code).toBe(0);
    expect(stderr).not.toHaveBeenCalled();
    const text = out.text();
    // Plain lines, not a terminal: no cursor movement.
    expect(text).not.toContain('\x1b[');
    expect(text).toMatch(/\[\s+\d+s\] turns\/s/);
    const summary = text.slice(text.indexOf('=== summary'));
    expect(summary.length).toBeGreaterThan(0);

    const rows = summary.split('\n').filter((l) => /^(ASR|MT|TTS|pipeline)\s/.test(l));
    const stages = new Set(rows.map((l) => l.split(/\s+/)[0]));
    expect([...stages].sort()).toEqual(['ASR', 'MT', 'TTS', 'pipeline']);
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      const [, , requests, , p50, p95, p99] = row.split(/\s+/);
      expect(Number(requests)).toBeGreaterThan(0);
      for (const q of [p50, p95, p99]) expect(q).toMatch(/^\d+(ms|\.\d\ds)$/);
    }
    const scores = (stage: string, column: number): number[] =>
      rows.filter((l) => l.startsWith(stage)).map((l) => Number(l.split(/\s+/)[column]));
    for (const wer of scores('ASR', 9)) expect(wer).toBeGreaterThan(0);
    for (const bleu of scores('MT', 10)) expect(bleu).toBeGreaterThan(0.2);
    for (const chrf of scores('MT', 11)) expect(chrf).toBeGreaterThan(0.4);
    expect(summary).toMatch(/corpus en→de: BLEU \d+\.\d, chrF \d+\.\d/);

    const rule = 'translation_performance_config.latency_metrics.target_p95_latency';
    const history = summary.split('\n').find((l) => l.startsWith(`history ${rule}:`));
    expect(history).toMatch(/firing at [\d.]+s → resolved at [\d.]+s/);
    expect(summary).toMatch(/receiver: \d+ metric and \d+ trace exports/);
  });
});

describe('demo thresholds', () => {
  it('ships the embedded rules as examples/demo-thresholds.yaml', () => {
    const url = new URL('../../examples/demo-thresholds.yaml', import.meta.url);
    const file = readFileSync(url, 'utf8');
    expect(file).toBe(DEMO_THRESHOLDS_YAML);
  });
});
