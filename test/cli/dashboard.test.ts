import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../thresholds/helpers.js';
import { run } from './check.test.js';

describe('speechmetry dashboard', () => {
  it('writes Grafana JSON with the rule lines', async () => {
    const out = join(tempDir('cli'), 'dash.json');
    const r = await run(['dashboard', 'examples/thresholds.yaml', '-o', out]);
    expect(r.code).toBe(0);
    const dash = JSON.parse(readFileSync(out, 'utf8')) as {
      schemaVersion: number;
      panels: { title: string; fieldConfig: { defaults: { thresholds: { steps: { value: number | null }[] } } } }[];
    };
    expect(dash.schemaVersion).toBeGreaterThan(30);
    const mt = dash.panels.find((p) => p.title === 'Translation latency')!;
    expect(mt.fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 0.8]);
  });

  it('prints to standard output and exits 2 on a bad file', async () => {
    expect(JSON.parse((await run(['dashboard', 'examples/thresholds.yaml'])).stdout).uid).toBe('speechmetry');
    expect((await run(['dashboard', 'nope.yaml'])).code).toBe(2);
  });
});
