import { metricByName, type MetricDefinition } from '../semconv.js';
import { labelName, selector, type PrometheusNaming } from './names.js';
import { sumBy } from './promql.js';
import type { ThresholdRule } from './types.js';

/** Options of {@link generateGrafanaDashboard}. @public */
export interface GrafanaDashboardOptions {
  /** How metric names reached Prometheus. Default `any`. */
  naming?: PrometheusNaming;
  /** Dashboard title. Default `Speech services (speechmetry)`. */
  title?: string;
  /** Dashboard uid. Default `speechmetry`. */
  uid?: string;
}

/** Grafana's dashboard JSON model version the output follows. @public */
export const GRAFANA_SCHEMA_VERSION = 39;

const RANGE = '$__rate_interval';
const DS = { type: 'prometheus', uid: '${datasource}' };

interface PanelSpec {
  title: string;
  unit: string;
  metrics: string[];
  kind: 'quantiles' | 'p95' | 'mean';
  /** Labels the series are split by. */
  by: string[];
}

const PAIR = ['speech.source_language', 'speech.target_language'];
const PANELS: PanelSpec[] = [
  {
    title: 'ASR latency',
    unit: 's',
    metrics: ['speech.asr.duration'],
    kind: 'quantiles',
    by: ['speech.language'],
  },
  {
    title: 'Translation latency',
    unit: 's',
    metrics: ['speech.translation.duration'],
    kind: 'quantiles',
    by: PAIR,
  },
  {
    title: 'TTS latency',
    unit: 's',
    metrics: ['speech.tts.duration'],
    kind: 'quantiles',
    by: ['speech.language'],
  },
  {
    title: 'Pipeline latency',
    unit: 's',
    metrics: ['speech.pipeline.duration'],
    kind: 'quantiles',
    by: PAIR,
  },
  {
    title: 'TTS time to first audio',
    unit: 's',
    metrics: ['speech.tts.time_to_first_audio'],
    kind: 'quantiles',
    by: ['speech.voice'],
  },
  {
    title: 'Pipeline time to first audio',
    unit: 's',
    metrics: ['speech.pipeline.time_to_first_audio'],
    kind: 'quantiles',
    by: PAIR,
  },
  {
    title: 'Real-time factor (p95)',
    unit: 'none',
    metrics: [
      'speech.asr.real_time_factor',
      'speech.tts.real_time_factor',
    ],
    kind: 'p95',
    by: ['speech.model'],
  },
  {
    title: 'Word error rate (mean)',
    unit: 'percentunit',
    metrics: [
      'speech.asr.word_error_rate',
      'speech.asr.character_error_rate',
    ],
    kind: 'mean',
    by: ['speech.language'],
  },
  {
    title: 'Translation quality (mean)',
    unit: 'percentunit',
    metrics: [
      'speech.translation.quality.bleu',
      'speech.translation.quality.chrf',
      'speech.translation.quality.comet',
    ],
    kind: 'mean',
    by: PAIR,
  },
];

/**
 * Generates a Grafana dashboard (JSON model) over the Prometheus data:
 * latency p50/p95/p99 per stage and language pair, real-time factors,
 * WER, BLEU/chrF/COMET, time to first audio, the rule states, with each
 * static rule drawn as a threshold line on the panel of its metric.
 * @public
 */
export function generateGrafanaDashboard(
  rules: readonly ThresholdRule[],
  options: GrafanaDashboardOptions = {},
): Record<string, unknown> {
  const naming = options.naming ?? 'any';
  const panels = PANELS.map((spec, i) => panel(spec, i, rules, naming));
  panels.push(statePanel(panels.length, naming));
  return {
    uid: options.uid ?? 'speechmetry',
    title: options.title ?? 'Speech services (speechmetry)',
    tags: ['speechmetry', 'speech'],
    schemaVersion: GRAFANA_SCHEMA_VERSION,
    version: 1,
    editable: true,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    timezone: 'browser',
    templating: {
      list: [{ name: 'datasource', type: 'datasource', query: 'prometheus', label: 'Data source' }],
    },
    annotations: { list: [] },
    panels,
  };
}

function panel(
  spec: PanelSpec,
  index: number,
  rules: readonly ThresholdRule[],
  naming: PrometheusNaming,
): Record<string, unknown> {
  const targets = spec.metrics.flatMap((name) => targetsOf(spec, metricByName(name)!, naming));
  targets.forEach((t, i) => (t.refId = String.fromCharCode(65 + i)));
  return {
    id: index + 1,
    type: 'timeseries',
    title: spec.title,
    datasource: DS,
    gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: Math.floor(index / 2) * 8 },
    targets,
    fieldConfig: {
      defaults: {
        unit: spec.unit,
        custom: { thresholdsStyle: { mode: 'line' } },
        thresholds: thresholdsFor(spec.metrics, rules),
      },
      overrides: [],
    },
    options: { legend: { displayMode: 'table', placement: 'bottom' }, tooltip: { mode: 'multi' } },
  };
}

function targetsOf(
  spec: PanelSpec,
  def: MetricDefinition,
  naming: PrometheusNaming,
): Record<string, unknown>[] {
  const by = spec.by.map(labelName);
  const legend = by.map((l) => `{{${l}}}`).join('→');
  const short = def.name.split('.').slice(-1)[0]!;
  const rate = (family: string) => `rate(${selector(def, family, naming, [])}[${RANGE}])`;
  const quantile = (q: string) =>
    `histogram_quantile(${q}, ${sumBy(['le', ...by], rate('_bucket'))})`;
  const target = (expr: string, name: string) => ({
    datasource: DS, expr, legendFormat: `${name} ${legend}`.trim(),
  });
  if (spec.kind === 'quantiles') {
    return ['0.5', '0.95', '0.99'].map((q) => target(quantile(q), `p${Number(q) * 100}`));
  }
  if (spec.kind === 'p95') return [target(quantile('0.95'), `${def.name.split('.')[1]} p95`)];
  return [target(`${sumBy(by, rate('_sum'))} / ${sumBy(by, rate('_count'))}`, short)];
}

const SEVERITY_COLOR: Record<string, string> = {
  critical: 'dark-red', high: 'red', medium: 'orange', low: 'yellow', info: 'blue',
};

/** Grafana threshold steps: one line per static rule on these metrics. */
function thresholdsFor(metrics: string[], rules: readonly ThresholdRule[]) {
  const steps: { color: string; value: number | null }[] = [{ color: 'green', value: null }];
  for (const rule of rules) {
    if (!metrics.includes(rule.metric) || rule.condition.kind !== 'static') continue;
    if (rule.stat === 'rate' || rule.stat === 'error_ratio') continue;
    const value = rule.condition.threshold;
    if (steps.some((s) => s.value === value)) continue;
    steps.push({ color: SEVERITY_COLOR[rule.severity]!, value });
  }
  steps.sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
  return { mode: 'absolute', steps };
}

function statePanel(index: number, naming: PrometheusNaming): Record<string, unknown> {
  const def = metricByName('speechmetry.threshold.state')!;
  return {
    id: index + 1,
    type: 'state-timeline',
    title: 'Threshold rule states (0 ok, 1 pending, 2 firing)',
    datasource: DS,
    gridPos: { h: 8, w: 24, x: 0, y: Math.ceil(index / 2) * 8 },
    targets: [{
      refId: 'A',
      datasource: DS,
      expr: `max by (speechmetry_rule) (${selector(def, '', naming, [])})`,
      legendFormat: '{{speechmetry_rule}}',
    }],
    fieldConfig: {
      defaults: {
        unit: 'none',
        thresholds: { mode: 'absolute', steps: [
          { color: 'green', value: null },
          { color: 'orange', value: 1 },
          { color: 'red', value: 2 },
        ] },
      },
      overrides: [],
    },
    options: {},
  };
}
