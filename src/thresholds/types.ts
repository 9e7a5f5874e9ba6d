import type { Attributes } from '@opentelemetry/api';

/** Statistics a rule can compute over its window. @public */
export const STATISTICS = [
  'p50',
  'p90',
  'p95',
  'p99',
  'mean',
  'max',
  'rate',
  'error_ratio',
] as const;

/** One of {@link STATISTICS}. @public */
export type Statistic = (typeof STATISTICS)[number];

/** Severities, most urgent first. @public */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** One of {@link SEVERITIES}. @public */
export type Severity = (typeof SEVERITIES)[number];

/** Comparison operators of a condition. @public */
export type Comparator = '<' | '<=' | '>' | '>=';

/**
 * What healthy looks like: `value <op> threshold` holds while the rule is
 * fine. The threshold is in the metric's recorded unit (seconds, 0–1).
 * @public
 */
export interface StaticCondition {
  readonly kind: 'static';
  readonly op: Comparator;
  readonly threshold: number;
  /** The text the rule was written with, for messages. */
  readonly text: string;
}

/**
 * A dynamic baseline: the rule breaches when the statistic departs from
 * an exponentially weighted mean of its own past values by more than
 * `sigma` standard deviations in the given direction.
 * @public
 */
export interface BaselineCondition {
  readonly kind: 'baseline';
  /** `above` fires on a rise (latency), `below` on a drop (quality). */
  readonly direction: 'above' | 'below';
  /** Standard deviations that count as a departure. */
  readonly sigma: number;
  /** Time after the first value during which the rule only learns, ms. */
  readonly warmupMs: number;
  /** Age at which a past value weighs half as much as a new one, ms. */
  readonly halfLifeMs: number;
  readonly text: string;
}

/** A rule's condition. @public */
export type Condition = StaticCondition | BaselineCondition;

/** A parsed threshold rule. @public */
export interface ThresholdRule {
  /** Unique name; used as the `speechmetry.rule` attribute. */
  readonly name: string;
  /** A speechmetry metric name (`speech.translation.duration`, …). */
  readonly metric: string;
  readonly stat: Statistic;
  readonly condition: Condition;
  /** Sliding window length, ms. */
  readonly windowMs: number;
  /** How long a breach must last before the rule fires, ms. */
  readonly forMs: number;
  /** Fewer values than this in the window count as no data. */
  readonly minSamples: number;
  readonly severity: Severity;
  /** Attribute filter: only series with these values feed the rule. */
  readonly where: Readonly<Record<string, string>>;
  /** Attribute keys that split the rule into groups. */
  readonly groupBy: readonly string[];
  /** Where the rule came from (file, line, key), for messages. */
  readonly origin?: string;
}

/** Result of parsing a rule file or object. @public */
export interface ParsedThresholds {
  readonly rules: ThresholdRule[];
  /** Keys of the product documents that have no in-process meaning. */
  readonly ignored: string[];
  /** Evaluation interval from the file, ms (default 5000). */
  readonly evaluationIntervalMs: number;
  /** Problems that disabled a rule (lenient parsing only). */
  readonly problems: string[];
}

/** States of a rule and group. @public */
export type AlertState = 'ok' | 'pending' | 'firing' | 'resolved';

/** What listeners of `alert` receive on each state change. @public */
export interface AlertEvent {
  readonly rule: string;
  /** The group's attribute values (empty without `group_by`). */
  readonly group: Attributes;
  readonly metric: string;
  readonly statistic: Statistic;
  /** Observed value in the recorded unit (NaN when there was no data). */
  readonly value: number;
  /** Threshold the value was compared with (baseline: the bound). */
  readonly threshold: number;
  /** The condition as written, e.g. `< 800ms`. */
  readonly condition: string;
  readonly severity: Severity;
  readonly state: AlertState;
  readonly previousState: AlertState;
  /** Time of the evaluation, ms since the epoch. */
  readonly at: number;
}

/** Status of one rule and group. @public */
export interface GroupStatus {
  readonly group: Attributes;
  readonly state: AlertState;
  /** Last computed value (NaN without enough samples). */
  readonly value: number;
  /** Values in the window at the last evaluation. */
  readonly samples: number;
  readonly threshold: number;
  /** When the current state began, ms since the epoch. */
  readonly since: number;
}

/** Status of one rule. @public */
export interface RuleStatus {
  readonly rule: string;
  readonly metric: string;
  readonly statistic: Statistic;
  readonly condition: string;
  readonly severity: Severity;
  readonly groups: GroupStatus[];
  /** Series that could not get a group because of the group cap. */
  readonly droppedGroups: number;
}

/** A firing rule and group, as listed by the health summary. @public */
export interface FiringAlert {
  readonly rule: string;
  readonly group: Attributes;
  readonly severity: Severity;
  readonly value: number;
  readonly threshold: number;
  readonly since: number;
}

/**
 * Health summary for a readiness endpoint or load shedding: `failing`
 * when a critical or high rule fires, `degraded` when a medium or low
 * one does, `ok` otherwise (info rules never change it). `healthy` is
 * false only when failing.
 * @public
 */
export interface ThresholdHealth {
  readonly healthy: boolean;
  readonly status: 'ok' | 'degraded' | 'failing';
  readonly firing: FiringAlert[];
}
