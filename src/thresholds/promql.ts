import { metricByName, type MetricDefinition } from '../semconv.js';
import { labelName, quote, selector, type PrometheusNaming } from './names.js';
import type { Comparator, Statistic, ThresholdRule } from './types.js';

const QUANTILE: Partial<Record<Statistic, string>> = {
  p50: '0.5', p90: '0.9', p95: '0.95', p99: '0.99',
};

/** The PromQL pieces of one rule. */
export interface RuleQuery {
  readonly def: MetricDefinition;
  /** `sum by (…)` grouping labels. */
  readonly by: string[];
  readonly matchers: string[];
  /** The statistic over the rule's window. */
  readonly expr: string;
  /** Number of values in the window, for the min_samples guard. */
  readonly samples: string | undefined;
}

/** `sum by (a, b) (x)`, or `sum(x)` without labels. */
export function sumBy(labels: string[], inner: string): string {
  return labels.length === 0 ? `sum(${inner})` : `sum by (${labels.join(', ')}) (${inner})`;
}

/**
 * Builds the PromQL of a rule's statistic. `range` is the range selector
 * (the rule's window, or `$__rate_interval` on dashboards).
 */
export function ruleQuery(
  rule: ThresholdRule,
  naming: PrometheusNaming,
  range?: string,
): RuleQuery {
  const def = metricByName(rule.metric)!;
  const by = rule.groupBy.map(labelName);
  const matchers = Object.entries(rule.where).map(([k, v]) => `${labelName(k)}=${quote(v)}`);
  const w = range ?? promDuration(rule.windowMs);
  const sel = (family: string, extra: string[] = []) =>
    selector(def, family, naming, [...matchers, ...extra]);
  const rate = (family: string, extra?: string[]) => `rate(${sel(family, extra)}[${w}])`;
  const count = def.kind === 'histogram' ? `increase(${sel('_count')}[${w}])` : undefined;
  const samples = count === undefined ? undefined : sumBy(by, count);
  return { def, by, matchers, expr: statExpr(rule.stat, def, by, rate, sel, w), samples };
}

function statExpr(
  stat: Statistic,
  def: MetricDefinition,
  by: string[],
  rate: (family: string, extra?: string[]) => string,
  sel: (family: string) => string,
  w: string,
): string {
  if (def.kind === 'counter') return sumBy(by, rate('_total'));
  if (def.kind !== 'histogram') return `max_over_time(${sumBy(by, sel(''))}[${w}:])`;
  const q = QUANTILE[stat];
  if (q !== undefined) return `histogram_quantile(${q}, ${sumBy(['le', ...by], rate('_bucket'))})`;
  switch (stat) {
    case 'mean':
      return `${sumBy(by, rate('_sum'))} / ${sumBy(by, rate('_count'))}`;
    case 'rate':
      return sumBy(by, rate('_count'));
    case 'error_ratio':
      return `${sumBy(by, rate('_count', ['error_type!=""']))} / ${sumBy(by, rate('_count'))}`;
    default:
      // Buckets keep no maximum: the top of the highest used bucket.
      return `histogram_quantile(1, ${sumBy(['le', ...by], rate('_bucket'))})`;
  }
}

/** A Prometheus duration; Prometheus accepts no fractions. */
export function promDuration(ms: number): string {
  const whole = Math.max(1, Math.round(ms));
  if (whole % 3_600_000 === 0) return `${whole / 3_600_000}h`;
  if (whole % 60_000 === 0) return `${whole / 60_000}m`;
  if (whole % 1000 === 0) return `${whole / 1000}s`;
  return `${whole}ms`;
}

/** The comparison that means "breached" for a healthy comparator. */
export const BREACH: Record<Comparator, Comparator> = {
  '<': '>=', '<=': '>', '>': '<=', '>=': '<',
};
