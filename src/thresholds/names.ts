import type { MetricDefinition } from '../semconv.js';

/**
 * How metric names reach Prometheus.
 *
 * - `exporter`: `@opentelemetry/exporter-prometheus` 0.223 (and the
 *   speechmetry scrape endpoint built on it) turns dots into underscores
 *   and adds no unit suffix: `speech_translation_duration_bucket`.
 * - `otlp`: Prometheus' OTLP receiver and the Collector's Prometheus
 *   exporters (translation strategy `UnderscoreEscapingWithSuffixes`)
 *   add the unit: `speech_translation_duration_seconds_bucket`; unit `1`
 *   becomes `_ratio` on gauges only, `{…}` annotations are dropped.
 * - `any` (default): a `__name__` regular expression that matches both,
 *   so one rule file works whichever path the metrics took.
 * @public
 */
export type PrometheusNaming = 'exporter' | 'otlp' | 'any';

const UNIT_WORDS: Record<string, string> = {
  s: 'seconds',
  ms: 'milliseconds',
  By: 'bytes',
  USD: 'USD',
};

/** Replaces what Prometheus does not allow in a name with `_`. */
export function sanitize(name: string): string {
  const s = name.replace(/[^a-zA-Z0-9_]/g, '_').replace(/__+/g, '_');
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

/** The Prometheus label an attribute key becomes (`speech.model` → `speech_model`). */
export function labelName(key: string): string {
  return sanitize(key);
}

/** The alert name of a rule, as both the generated rules and the notifier use it. */
export function alertName(rule: { name: string }): string {
  return sanitize(rule.name);
}

/** Unit suffix the OTLP translation appends, or '' for none. */
function otlpSuffix(def: MetricDefinition): string {
  if (def.unit === '1') return def.kind === 'gauge' || def.kind === 'updowncounter' ? '_ratio' : '';
  if (def.unit.startsWith('{')) return '';
  const word = UNIT_WORDS[def.unit] ?? sanitize(def.unit);
  return `_${word}`;
}

/**
 * A selector for one of a metric's series families (`_bucket`, `_count`,
 * `_sum`, `_total` or '' for a gauge) with extra label matchers.
 */
export function selector(
  def: MetricDefinition,
  family: string,
  naming: PrometheusNaming,
  matchers: string[],
): string {
  const base = sanitize(def.name);
  const suffix = otlpSuffix(def);
  if (naming === 'exporter' || (naming === 'any' && suffix === '')) {
    return withMatchers(`${base}${family}`, matchers);
  }
  if (naming === 'otlp') return withMatchers(`${base}${suffix}${family}`, matchers);
  const name = `__name__=~"${base}(?:${suffix})?${family}"`;
  return `{${[name, ...matchers].join(', ')}}`;
}

function withMatchers(name: string, matchers: string[]): string {
  return matchers.length === 0 ? name : `${name}{${matchers.join(', ')}}`;
}

/** A PromQL string literal. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
