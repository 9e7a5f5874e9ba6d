import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  generateGrafanaDashboard,
  GRAFANA_SCHEMA_VERSION,
  parseThresholds,
} from '../../src/thresholds/index.js';
import { binary, tempDir } from './helpers.js';

const PROMTOOL = binary('/usr/bin/promtool');
const { rules } = parseThresholds(readFileSync('examples/thresholds.yaml', 'utf8'));

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  targets: { refId: string; expr: string }[];
  fieldConfig: { defaults: { thresholds: { steps: { value: number | null; color: string }[] } } };
}

describe('generated Grafana dashboard', () => {
  const dash = generateGrafanaDashboard(rules) as { panels: Panel[]; schemaVersion: number; uid: string };

  it('has the schema version, unique panel ids and the required panels', () => {
    expect(dash.schemaVersion).toBe(GRAFANA_SCHEMA_VERSION);
    expect(new Set(dash.panels.map((p) => p.id)).size).toBe(dash.panels.length);
    const titles = dash.panels.map((p) => p.title);
    for (const t of ['ASR latency', 'Translation latency', 'TTS latency', 'TTS time to first audio',
      'Real-time factor (p95)', 'Word error rate (mean)', 'Translation quality (mean)']) {
      expect(titles).toContain(t);
    }
    const mt = dash.panels.find((p) => p.title === 'Translation latency')!;
    expect(mt.targets.map((t) => t.expr.slice(0, 24))).toEqual([
      'histogram_quantile(0.5, ', 'histogram_quantile(0.95,', 'histogram_quantile(0.99,']);
    expect(mt.targets[0]!.expr).toContain('speech_source_language, speech_target_language');
    expect(JSON.parse(JSON.stringify(dash))).toEqual(dash);
  });

  it('draws each static rule as a threshold line on its metric', () => {
    const steps = (title: string) =>
      dash.panels.find((p) => p.title === title)!.fieldConfig.defaults.thresholds.steps.map((s) => s.value);
    expect(steps('Translation latency')).toEqual([null, 0.8]);
    expect(steps('TTS time to first audio')).toEqual([null, 0.3]);
    expect(steps('Translation quality (mean)')).toEqual([null, 0.4]);
  });

  it.skipIf(PROMTOOL === undefined)('uses only PromQL that Prometheus parses (promtool)', () => {
    const exprs = dash.panels.flatMap((p) => p.targets.map((t) => t.expr.replaceAll('$__rate_interval', '5m')));
    const file = join(tempDir('dash'), 'exprs.yaml');
    writeFileSync(file, stringify({ groups: [{ name: 'dashboard', rules: exprs.map((expr, i) => ({
      record: `dashboard:expr_${i}`, expr })) }] }, { lineWidth: 0 }));
    const output = execFileSync(PROMTOOL!, ['check', 'rules', file], { encoding: 'utf8' });
    expect(output).toContain(`SUCCESS: ${exprs.length} rules found`);
  });
});
