import type { Attributes } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, metricByName } from '../semconv.js';
import { reporter } from '../internal/report.js';
import { Baseline } from './baseline.js';
import { isQuantile } from './rule.js';
import { RuleGroup } from './state.js';
import type { ThresholdRule } from './types.js';
import { SlidingWindow } from './window.js';

/** One rule with its groups. */
export interface RuleEntry {
  readonly rule: ThresholdRule;
  readonly groups: Map<string, RuleGroup>;
  readonly baselines: Map<string, Baseline>;
}

/** A window group: the attribute values and their window. */
export interface WindowGroup {
  readonly key: string;
  readonly attributes: Attributes;
  readonly window: SlidingWindow;
}

/**
 * Rules that read the same data (metric, filter, grouping, window) share
 * one window per group, so p50, p95 and p99 rules on one metric cost one
 * insert per record.
 */
export class WindowSpec {
  readonly rules: RuleEntry[] = [];
  readonly groups = new Map<string, WindowGroup>();
  /** Series that found no group because of the cap. */
  dropped = 0;
  private sketch = false;
  private readonly levels: boolean;

  constructor(
    readonly metric: string,
    readonly where: Readonly<Record<string, string>>,
    readonly groupBy: readonly string[],
    readonly windowMs: number,
  ) {
    const kind = metricByName(metric)?.kind;
    this.levels = kind === 'updowncounter';
  }

  /** Identity of the data a rule reads. */
  static keyOf(rule: ThresholdRule): string {
    const where = Object.entries(rule.where).sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.stringify([rule.metric, where, rule.groupBy, rule.windowMs]);
  }

  addRule(rule: ThresholdRule): void {
    this.rules.push({ rule, groups: new Map(), baselines: new Map() });
    if (isQuantile(rule.stat)) this.sketch = true;
  }

  /** Whether a series with these attributes feeds this spec. */
  matches(attributes: Attributes): boolean {
    for (const key in this.where) {
      const v = attributes[key];
      if (v === undefined || String(v) !== this.where[key]) return false;
    }
    return true;
  }

  /** The group of a series, created on first use, or undefined past the cap. */
  groupFor(attributes: Attributes, cap: number, intervalMs: number, now: number) {
    const values = this.groupBy.map((k) => attributes[k]);
    const key = JSON.stringify(values);
    let group = this.groups.get(key);
    if (group !== undefined) return group;
    if (this.groups.size >= cap) {
      this.dropped++;
      reporter().drop('overflow', `threshold rule ${this.rules[0]!.rule.name} groups`,
        'series not checked');
      return undefined;
    }
    const attrs: Attributes = {};
    this.groupBy.forEach((k, i) => {
      if (values[i] !== undefined) attrs[k] = values[i];
    });
    const window = new SlidingWindow(this.windowMs, intervalMs, now, this.sketch, this.levels);
    group = { key, attributes: Object.freeze(attrs), window };
    this.groups.set(key, group);
    return group;
  }
}

/** Whether a series counts as failed for error ratios. */
export function isErrorSeries(attributes: Attributes): boolean {
  const v = attributes[ATTR_ERROR_TYPE];
  return v !== undefined && v !== null && v !== '';
}

/**
 * The recording closure for a series: feeds every window it matched.
 * Built once per series; the guard keeps NaN and infinities out even if
 * a caller bypasses the Recorder's own validation (`v - v` is 0 only for
 * finite numbers).
 */
export function feeder(
  windows: SlidingWindow[],
  error: boolean,
): ((value: number) => void) | undefined {
  const n = windows.length;
  if (n === 0) return undefined;
  if (n === 1) {
    const w = windows[0]!;
    return error
      ? (v: number) => {
          if (v - v === 0) w.addError(v);
        }
      : (v: number) => {
          if (v - v === 0) w.add(v);
        };
  }
  return (v: number) => {
    if (v - v !== 0) return;
    for (let i = 0; i < n; i++) {
      if (error) windows[i]!.addError(v);
      else windows[i]!.add(v);
    }
  };
}
