import { ATTR_ERROR_TYPE, METRIC_ATTRIBUTE_KEYS, metricByName } from '../semconv.js';
import type { MetricDefinition } from '../semconv.js';
import { ThresholdConfigError } from './errors.js';
import { lowerIsBetter, parseDurationMs, readCondition, toRecordedUnit } from './units.js';
import type { ConditionText } from './units.js';
import {
  SEVERITIES,
  STATISTICS,
  type Comparator,
  type Condition,
  type Severity,
  type Statistic,
  type ThresholdRule,
} from './types.js';

/** A rule as written, before validation (explicit form, or mapped). */
export interface RawRule {
  name?: unknown;
  metric?: unknown;
  stat?: unknown;
  condition?: unknown;
  window?: unknown;
  for?: unknown;
  min_samples?: unknown;
  severity?: unknown;
  where?: unknown;
  group_by?: unknown;
  baseline?: unknown;
  /**
   * Product documents' `*_alert*` keys describe the bad side ("alert when
   * > 1000ms"); the healthy condition is their negation.
   */
  alertSide?: boolean;
}

/** Keys allowed in one explicit rule. */
export const RULE_KEYS = [
  'name', 'metric', 'stat', 'statistic', 'condition', 'window', 'for',
  'min_samples', 'severity', 'where', 'group_by', 'baseline',
];

/** Turns a rule key into an error with its place in the source. */
export type Locate = (key: string) => { line?: number; source?: string };

const DEFAULT_WINDOW_MS = 60_000;
const DEFAULT_WARMUP_MS = 10 * 60_000;
const DEFAULT_HALF_LIFE_MS = 60 * 60_000;
const QUANTILE_STATS = new Set<Statistic>(['p50', 'p90', 'p95', 'p99']);
const ATTRIBUTE_KEYS = new Set(METRIC_ATTRIBUTE_KEYS);

/** Whether a statistic needs the quantile sketch. */
export function isQuantile(stat: Statistic): boolean {
  return QUANTILE_STATS.has(stat);
}

/**
 * Validates one raw rule and converts its units. Throws a
 * {@link ThresholdConfigError} naming the rule and key.
 */
export function compileRule(raw: RawRule, locate: Locate, fallbackName: string): ThresholdRule {
  const name = typeof raw.name === 'string' && raw.name.trim() !== ''
    ? raw.name.trim() : fallbackName;
  const fail = (key: string, problem: string): never => {
    throw new ThresholdConfigError(problem, { rule: name, key, ...locate(key) });
  };
  if (raw.name !== undefined && typeof raw.name !== 'string') fail('name', 'must be a string');

  const metric = resolveMetric(raw.metric, fail);
  const parsed = readCondition(raw.condition);
  if (typeof parsed === 'string') return fail('condition', parsed);
  const stat = resolveStat(raw.stat, parsed, metric, fail);
  const condition = resolveCondition(raw, parsed, metric, stat, fail);

  const windowMs = duration(raw.window, DEFAULT_WINDOW_MS, 'window', fail);
  if (windowMs <= 0) fail('window', 'must be longer than zero');
  const forMs = duration(raw.for, 0, 'for', fail);
  // Rates and levels are meaningful without traffic; distributions are not.
  const minSamples = raw.min_samples ??
    (stat === 'rate' || metric.kind !== 'histogram' ? 0 : 10);
  if (typeof minSamples !== 'number' || !Number.isInteger(minSamples) || minSamples < 0) {
    fail('min_samples', 'must be a whole number ≥ 0');
  }
  const severity = raw.severity ?? 'medium';
  if (!SEVERITIES.includes(severity as Severity)) {
    fail('severity', `must be one of ${SEVERITIES.join(', ')}`);
  }

  return {
    name,
    metric: metric.name,
    stat,
    condition,
    windowMs,
    forMs,
    minSamples: minSamples as number,
    severity: severity as Severity,
    where: resolveWhere(raw.where, stat, fail),
    groupBy: resolveGroupBy(raw.group_by, fail),
  };
}

type Fail = (key: string, problem: string) => never;

function resolveMetric(input: unknown, fail: Fail): MetricDefinition {
  if (typeof input !== 'string') return fail('metric', 'is required (a speechmetry metric name)');
  const metric = metricByName(input);
  if (metric === undefined || metric.name.startsWith('speechmetry.')) {
    return fail('metric', `unknown metric "${input}"`);
  }
  return metric;
}

function resolveStat(
  input: unknown,
  parsed: ConditionText,
  metric: MetricDefinition,
  fail: Fail,
): Statistic {
  const stat = (input ?? parsed.stat ?? defaultStat(metric)) as Statistic;
  if (!STATISTICS.includes(stat)) {
    return fail('stat', `unknown statistic "${String(input)}"; use ${STATISTICS.join(', ')}`);
  }
  if (parsed.stat !== undefined && parsed.stat !== stat) {
    fail('condition', `names ${parsed.stat} but the rule's stat is ${stat}`);
  }
  const allowed = allowedStats(metric);
  if (!allowed.includes(stat)) {
    fail('stat', `${stat} does not apply to ${metric.name} (${metric.kind}); ` +
      `use ${allowed.join(', ')}`);
  }
  return stat;
}

function defaultStat(metric: MetricDefinition): Statistic {
  if (metric.kind === 'counter') return 'rate';
  if (metric.kind !== 'histogram') return 'max';
  return metric.unit === 's' ? 'p95' : 'mean';
}

/** Statistics that make sense for an instrument kind. */
export function allowedStats(metric: MetricDefinition): Statistic[] {
  switch (metric.kind) {
    case 'histogram':
      return [...STATISTICS];
    case 'counter':
      return ['rate'];
    default:
      return ['max'];
  }
}

function resolveCondition(
  raw: RawRule,
  parsed: ConditionText,
  metric: MetricDefinition,
  stat: Statistic,
  fail: Fail,
): Condition {
  const text = typeof raw.condition === 'string' ? raw.condition.trim() : String(raw.condition);
  if (parsed.score !== undefined && !metric.name.endsWith(`.${parsed.score}`) &&
    !metric.name.endsWith(`${parsed.score === 'wer' ? 'word' : 'character'}_error_rate`)) {
    fail('condition', `names ${parsed.score.toUpperCase()} but the metric is ${metric.name}`);
  }
  if (parsed.sigma || raw.baseline !== undefined) {
    return baseline(raw, parsed, metric, stat, text, fail);
  }
  const value = toRecordedUnit(parsed, metric, stat);
  if (typeof value === 'string') return fail('condition', value);
  // Without an operator the number is a limit in the metric's bad
  // direction: a latency target is a ceiling, a quality target a floor.
  const lower = lowerIsBetter(metric, stat);
  const alert = raw.alertSide === true;
  let op: Comparator = parsed.op ?? (alert ? (lower ? '>' : '<') : lower ? '<=' : '>=');
  if (alert) op = NEGATE[op];
  // An alert key's text describes the bad side; messages say what healthy is.
  return { kind: 'static', op, threshold: value, text: alert ? `not ${text}` : text };
}

const NEGATE: Record<Comparator, Comparator> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

function baseline(
  raw: RawRule,
  parsed: ConditionText,
  metric: MetricDefinition,
  stat: Statistic,
  text: string,
  fail: Fail,
): Condition {
  const b = raw.baseline ?? {};
  if (typeof b !== 'object' || b === null || Array.isArray(b)) {
    return fail('baseline', 'must be a map like { sigma: 2, warmup: 10m, half_life: 1h }');
  }
  const o = b as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!['sigma', 'warmup', 'half_life', 'direction'].includes(key)) {
      fail(`baseline.${key}`, 'unknown key; use sigma, warmup, half_life, direction');
    }
  }
  const sigma = parsed.sigma ? parsed.number : (o.sigma ?? 2);
  if (typeof sigma !== 'number' || !(sigma > 0)) fail('baseline.sigma', 'must be > 0');
  const up = parsed.op === '>' || parsed.op === '>=';
  const down = parsed.op === '<' || parsed.op === '<=';
  let direction = o.direction ?? (up ? 'above' : down ? 'below'
    : lowerIsBetter(metric, stat) ? 'above' : 'below');
  if (raw.alertSide !== true && parsed.sigma && (up || down)) {
    // "> 2_sigma" describes the departure to catch, in either form.
    direction = up ? 'above' : 'below';
  }
  if (direction !== 'above' && direction !== 'below') {
    fail('baseline.direction', 'must be above or below');
  }
  const warmupMs = duration(o.warmup, DEFAULT_WARMUP_MS, 'baseline.warmup', fail);
  const halfLifeMs = duration(o.half_life, DEFAULT_HALF_LIFE_MS, 'baseline.half_life', fail);
  if (halfLifeMs <= 0) fail('baseline.half_life', 'must be longer than zero');
  return {
    kind: 'baseline',
    direction: direction as 'above' | 'below',
    sigma: sigma as number,
    warmupMs,
    halfLifeMs,
    text: parsed.sigma ? text : `${direction} baseline by ${String(sigma)} sigma`,
  };
}

function duration(input: unknown, fallback: number, key: string, fail: Fail): number {
  if (input === undefined) return fallback;
  const ms = parseDurationMs(input);
  if (ms === undefined) {
    return fail(key, `"${String(input)}" is not a duration like 800ms, 30s, 5m`);
  }
  return ms;
}

function resolveWhere(input: unknown, stat: Statistic, fail: Fail): Record<string, string> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    return fail('where', 'must be a map of attribute to value');
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (!ATTRIBUTE_KEYS.has(key)) fail(`where.${key}`, 'not a speechmetry metric attribute');
    if (key === ATTR_ERROR_TYPE && stat === 'error_ratio') {
      fail(`where.${key}`, 'an error ratio cannot filter on error.type');
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      fail(`where.${key}`, 'must be a string, number or boolean');
    }
    out[key] = String(value);
  }
  return out;
}

function resolveGroupBy(input: unknown, fail: Fail): string[] {
  if (input === undefined || input === null) return [];
  const list = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(list)) return fail('group_by', 'must be a list of attribute keys');
  for (const key of list) {
    if (typeof key !== 'string' || !ATTRIBUTE_KEYS.has(key)) {
      fail('group_by', `"${String(key)}" is not a speechmetry metric attribute`);
    }
    if (key === ATTR_ERROR_TYPE) {
      fail('group_by', 'cannot split by error.type (it would hide errors from ratios)');
    }
  }
  return [...new Set(list as string[])];
}
