import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OTEL_VARIABLES, SPEECHMETRY_VARIABLES } from '../src/config/variables.js';
import { METRICS, METRIC_ATTRIBUTE_KEYS, type MetricDefinition } from '../src/semconv.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const KIND: Record<MetricDefinition['kind'], string> = {
  histogram: 'histogram',
  counter: 'counter',
  updowncounter: 'up-down counter',
  gauge: 'gauge',
};

/** The metrics table as the README must show it, from the constants. */
export function metricsTable(): string {
  const rows = METRICS.map((m) =>
    `| \`${m.name}\` | ${KIND[m.kind]} | \`${m.unit}\` | ${m.description} |`);
  return ['| metric | instrument | unit | description |', '| --- | --- | --- | --- |', ...rows]
    .join('\n');
}

function variablesTable(list: typeof OTEL_VARIABLES): string {
  const rows = list.map((v) => `| \`${v.name}\` | ${v.description} | ${v.default} |`);
  return ['| variable | meaning | default |', '| --- | --- | --- |', ...rows].join('\n');
}

describe('README tables agree with the code', () => {
  it('lists every metric with its instrument, unit and description', () => {
    expect(readme, metricsTable()).toContain(metricsTable());
  });

  it('lists every OpenTelemetry variable speechmetry reads', () => {
    expect(readme, variablesTable(OTEL_VARIABLES)).toContain(variablesTable(OTEL_VARIABLES));
  });

  it('lists every SPEECHMETRY_* variable', () => {
    const table = variablesTable(SPEECHMETRY_VARIABLES);
    expect(readme, table).toContain(table);
  });

  it('lists exactly the metric attribute keys of the closed set', () => {
    const section = readme.split('## Attributes')[1]?.split('\n## ')[0] ?? '';
    const keys = [...section.matchAll(/^\| `([a-z._]+)` \|/gm)].map((m) => m[1]);
    expect(keys).toEqual([...METRIC_ATTRIBUTE_KEYS]);
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});
