import type { MetricDefinition } from '../semconv.js';
import type { Comparator, Statistic } from './types.js';

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i;
const FACTOR: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Parses a duration (`800ms`, `2s`, `1m`, `1h`; a bare number is seconds)
 * into milliseconds. Returns undefined for anything else, negatives
 * included.
 */
export function parseDurationMs(input: unknown): number | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0 ? input * 1000 : undefined;
  }
  if (typeof input !== 'string') return undefined;
  const m = DURATION.exec(input.trim());
  if (m === null) return undefined;
  return Number(m[1]) * FACTOR[(m[2] ?? 's').toLowerCase()]!;
}

/** Formats milliseconds as a Prometheus duration (`90s`, `5m`, `1500ms`). */
export function formatDuration(ms: number): string {
  const whole = Math.round(ms);
  if (whole > 0 && whole % 3_600_000 === 0) return `${whole / 3_600_000}h`;
  if (whole > 0 && whole % 60_000 === 0) return `${whole / 60_000}m`;
  if (whole % 1000 === 0) return `${whole / 1000}s`;
  return `${whole}ms`;
}

/** A condition as written, before it is tied to a metric. */
export interface ConditionText {
  readonly op: Comparator | undefined;
  readonly number: number;
  /** `ms`, `s`, `m`, `%` or undefined. */
  readonly unit: string | undefined;
  /** Set for `2_sigma`, `2 sigma`, `2σ`: a baseline condition. */
  readonly sigma: boolean;
  /** A statistic named in the text (`< 500ms p95`). */
  readonly stat: Statistic | undefined;
  /** A score named in the text (`< 0.3 BLEU`): bleu, chrf, comet, wer, cer. */
  readonly score: string | undefined;
}

// operator, number, then a unit or `sigma`, then free words (`BLEU score`).
const CONDITION = new RegExp(
  '^(<=|>=|<|>|≤|≥)?\\s*(\\d+(?:\\.\\d+)?)\\s*' +
    '(?:(ms|s|sec|seconds?|m|min|%)|[_ ]?(sigma|σ))?(?:\\s+(.*))?$',
  'i',
);
const OPS: Record<string, Comparator> = {
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '>': '>',
  '>=': '>=',
  '≥': '>=',
};
const SCORES = new Set(['bleu', 'chrf', 'comet', 'wer', 'cer']);
const FILLER = new Set(['score', 'scores', 'rps', 'qps', '/s', 'per', 'second']);
const STAT_WORDS: Record<string, Statistic> = {
  p50: 'p50',
  median: 'p50',
  p90: 'p90',
  p95: 'p95',
  p99: 'p99',
  mean: 'mean',
  avg: 'mean',
  average: 'mean',
  max: 'max',
};

/**
 * Reads a condition such as `< 800ms`, `> 0.4`, `< 0.3 BLEU`,
 * `> 1000ms p95`, `< 1%` or `> 2_sigma`. Returns an error message
 * instead of throwing so callers can attach the rule and line.
 */
export function readCondition(input: unknown): ConditionText | string {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return 'the threshold is not a finite number';
    return { op: undefined, number: input, unit: undefined, sigma: false,
      stat: undefined, score: undefined };
  }
  if (typeof input !== 'string') return 'the condition must be a string like "< 800ms"';
  const m = CONDITION.exec(input.trim());
  if (m === null) return `cannot read the condition "${input}"`;
  let stat: Statistic | undefined;
  let score: string | undefined;
  for (const word of (m[5] ?? '').toLowerCase().split(/\s+/)) {
    if (word === '' || FILLER.has(word)) continue;
    if (STAT_WORDS[word] !== undefined) stat = STAT_WORDS[word];
    else if (SCORES.has(word)) score = word;
    else return `unknown word "${word}" in the condition "${input}"`;
  }
  return {
    op: m[1] === undefined ? undefined : OPS[m[1]],
    number: Number(m[2]),
    unit: normalUnit(m[3]),
    sigma: m[4] !== undefined,
    stat,
    score,
  };
}

function normalUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  const u = unit.toLowerCase();
  if (u === 'ms' || u === '%') return u;
  if (u === 'm' || u === 'min') return 'm';
  return 's';
}

/**
 * Converts a written threshold into the unit the metric is recorded in:
 * durations to seconds, percentages to 0–1, and BLEU or chrF written on
 * sacreBLEU's 0–100 scale (a value above 1) to the recorded ÷ 100 scale.
 * Statistics `rate` (per second) and `error_ratio` (0–1) have their own
 * units whatever the metric.
 */
export function toRecordedUnit(
  c: ConditionText,
  metric: MetricDefinition,
  stat: Statistic,
): number | string {
  const n = c.number;
  if (c.unit === '%') {
    if (stat === 'rate') return 'a percentage cannot be a rate';
    return n / 100;
  }
  if (c.unit !== undefined) {
    if (metric.unit !== 's' || stat === 'rate' || stat === 'error_ratio') {
      return `a duration (${c.unit}) does not fit ${metric.name} ${stat}`;
    }
    return c.unit === 'ms' ? n / 1000 : c.unit === 'm' ? n * 60 : n;
  }
  if (stat === 'rate' || stat === 'error_ratio') return n;
  const scaled = /\.(bleu|chrf)$/.test(metric.name) && n > 1;
  return scaled ? n / 100 : n;
}

/** Whether a lower value of the statistic is the healthy direction. */
export function lowerIsBetter(metric: MetricDefinition, stat: Statistic): boolean {
  if (stat === 'error_ratio') return true;
  if (stat === 'rate') return false;
  return !/(quality|confidence|naturalness|rating)/.test(metric.name);
}
