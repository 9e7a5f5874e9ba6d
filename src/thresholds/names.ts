import { unitSuffix } from '../prometheus/naming.js';
import type { MetricDefinition } from '../semconv.js';

/**
 * How metric names reach Prometheus.
 *
 * - `otlp`: with unit suffixes, `speech_translation_duration_seconds_bucket`.
 *   Prometheus' OTLP receiver and the Collector's Prometheus exporters
 *   write them so, and so does speechmetry's own scrape endpoint
 *   (`OTEL_METRICS_EXPORTER=prometheus`); unit `1` becomes `_ratio` on
 *   gauges only, `{…}` annotations are dropped.
 * - `exporter`: without them, `speech_translation_duration_bucket`, as
 *   `@opentelemetry/exporter-prometheus` writes them when a host uses it
 *   on its own.
 * - `any` (default): a `__name__` regular expression that matches both,
 *   so one rule file works whichever path the metrics took.
 * @public
 */
export type PrometheusNaming = 'exporter' | 'otlp' | 'any';

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
  return unitSuffix(def.unit, def.kind === 'gauge');
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
