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
  /** Discriminant of a fixed-threshold condition. */
  readonly kind: 'static';
  /** How the value must compare with `threshold` to be healthy. */
  readonly op: Comparator;
  /** Bound in the metric's recorded unit (seconds, ratio 0–1, …). */
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
  /** Discriminant of a dynamic-baseline condition. */
  readonly kind: 'baseline';
  /** `above` fires on a rise (latency), `below` on a drop (quality). */
  readonly direction: 'above' | 'below';
  /** Standard deviations that count as a departure. */
  readonly sigma: number;
  /** Time after the first value during which the rule only learns, ms. */
  readonly warmupMs: number;
  /** Age at which a past value weighs half as much as a new one, ms. */
  readonly halfLifeMs: number;
  /** The text the rule was written with, for messages. */
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
  /** Statistic computed over the window, e.g. `p95`. */
  readonly stat: Statistic;
  /** What healthy looks like: a fixed threshold or a baseline. */
  readonly condition: Condition;
  /** Sliding window length, ms. */
  readonly windowMs: number;
  /** How long a breach must last before the rule fires, ms. */
  readonly forMs: number;
  /** Fewer values than this in the window count as no data. */
  readonly minSamples: number;
  /** Urgency of the alert; also drives {@link ThresholdHealth}. */
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
  /** The usable rules (lenient parsing leaves out broken ones). */
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
  /** Name of the rule that changed state. */
  readonly rule: string;
  /** The group's attribute values (empty without `group_by`). */
  readonly group: Attributes;
  /** The speechmetry metric name the rule watches. */
  readonly metric: string;
  /** Statistic computed over the window, e.g. `p95`. */
  readonly statistic: Statistic;
  /** Observed value in the recorded unit (NaN when there was no data). */
  readonly value: number;
  /** Threshold the value was compared with (baseline: the bound). */
  readonly threshold: number;
  /** The condition as written, e.g. `< 800ms`. */
  readonly condition: string;
  /** The rule's severity. */
  readonly severity: Severity;
  /** State after this evaluation. */
  readonly state: AlertState;
  /** State before this evaluation. */
  readonly previousState: AlertState;
  /** Time of the evaluation, ms since the epoch. */
  readonly at: number;
}

/** Status of one rule and group. @public */
export interface GroupStatus {
  /** The group's attribute values (empty without `group_by`). */
  readonly group: Attributes;
  /** Current state of the rule for this group. */
  readonly state: AlertState;
  /** Last computed value (NaN without enough samples). */
  readonly value: number;
  /** Values in the window at the last evaluation. */
  readonly samples: number;
  /** Last bound compared with, recorded unit (NaN before the first). */
  readonly threshold: number;
  /** When the current state began, ms since the epoch. */
  readonly since: number;
}

/** Status of one rule. @public */
export interface RuleStatus {
  /** The rule's name. */
  readonly rule: string;
  /** The speechmetry metric name the rule watches. */
  readonly metric: string;
  /** Statistic computed over the window, e.g. `p95`. */
  readonly statistic: Statistic;
  /** The condition as written, e.g. `< 800ms`. */
  readonly condition: string;
  /** The rule's severity. */
  readonly severity: Severity;
  /** One entry per group seen so far (one without `group_by`). */
  readonly groups: GroupStatus[];
  /** Series that could not get a group because of the group cap. */
  readonly droppedGroups: number;
}

/** A firing rule and group, as listed by the health summary. @public */
export interface FiringAlert {
  /** Name of the firing rule. */
  readonly rule: string;
  /** The group's attribute values (empty without `group_by`). */
  readonly group: Attributes;
  /** The rule's severity. */
  readonly severity: Severity;
  /** Last computed value, in the metric's recorded unit. */
  readonly value: number;
  /** Bound the value breached, in the same unit. */
  readonly threshold: number;
  /** When the rule started firing, ms since the epoch. */
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
  /** False only when `status` is `failing`. */
  readonly healthy: boolean;
  /** Overall state; see the interface summary for the mapping. */
  readonly status: 'ok' | 'degraded' | 'failing';
  /** Every rule and group firing now, `info` rules included. */
  readonly firing: FiringAlert[];
}
