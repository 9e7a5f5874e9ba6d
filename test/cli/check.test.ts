import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { tempDir } from '../thresholds/helpers.js';

/** Runs the CLI and collects its output. */
export async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const code = await main(argv, { stdout, stderr, stdin: new PassThrough(), env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('speechmetry check', () => {
  it('prints one line per rule of the explicit example', async () => {
    const r = await run(['check', 'examples/thresholds.yaml']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 5).map((l) => l.split(':')[0])).toEqual([
      'mt-latency-p95', 'mt-errors', 'mt-bleu', 'tts-first-audio-p95', 'asr-latency-spike']);
    expect(lines[0]).toContain('p95(speech.translation.duration) healthy when < 0.8');
    expect(lines.at(-1)).toBe('5 rules, evaluated every 5s');
  });

  it('lists ignored product keys', async () => {
    const r = await run(['check', 'examples/thresholds-product.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ignored tts_performance_config.resource_metrics.target_cpu_utilization');
  });

  it('exits 2 with the line and key of an error', async () => {
    const file = join(tempDir('cli'), 'bad.yaml');
    writeFileSync(file, 'rules:\n  - name: x\n    metric: speech.asr.duration\n    condition: "< 1 parsec"\n');
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:4: rule "x", key "condition"`);
    expect((await run(['check'])).code).toBe(2);
  });
});
