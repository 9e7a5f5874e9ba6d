import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_RULE,
  ATTR_SEVERITY,
  METRIC_THRESHOLD_BREACHES,
  METRIC_THRESHOLD_STATE,
  metricByName,
} from '../semconv.js';
import type { Recorder, Series, ThresholdFeed } from '../sink/recorder.js';
import { reporter } from '../internal/report.js';
import { Baseline } from './baseline.js';
import { Listeners, type AlertListener } from './listeners.js';
import { AlertmanagerNotifier, type AlertmanagerOptions } from './notifier.js';
import { toPostable } from './postable.js';
import { feeder, isErrorSeries, WindowSpec, type RuleEntry, type WindowGroup } from './specs.js';
import { RuleGroup } from './state.js';
import { computeStatistic } from './statistic.js';
import type {
  AlertEvent,
  AlertState,
  FiringAlert,
  RuleStatus,
  ThresholdHealth,
  ThresholdRule,
} from './types.js';
import type { SlidingWindow, WindowSnapshot } from './window.js';

/** Options of {@link ThresholdMonitor}. @public */
export interface ThresholdMonitorOptions {
  /** Parsed rules (see `parseThresholds`). Default none. */
  rules?: readonly ThresholdRule[];
  /** Time between evaluations, ms. Default 5000. */
  evaluationIntervalMs?: number;
  /** Clock in ms since the epoch; tests pass a controllable one. Default `Date.now`. */
  now?: () => number;
  /** Records the `speechmetry.threshold.*` self-metrics. Default none. */
  recorder?: Recorder;
  /** Push firing and resolved alerts to an Alertmanager. Default off. */
  alertmanager?: AlertmanagerOptions;
  /** Groups per rule before new ones are dropped and counted. Default 100. */
  maxGroupsPerRule?: number;
  /** Time after which a listener's unsettled promise counts as failed, ms. Default 30000. */
  listenerTimeoutMs?: number;
}

const STATE_VALUE: Record<AlertState, number> = { ok: 0, resolved: 0, pending: 1, firing: 2 };
const URGENT = new Set(['critical', 'high']);

/**
 * Evaluates threshold rules in-process. Series bind to it once (as the
 * recorder's `ThresholdFeed`); values flow into sliding windows;
 * each evaluation tick merges the windows, computes the statistics, moves
 * each rule and group through ok → pending → firing → resolved, and tells
 * listeners, the self-metrics and the Alertmanager. Nothing here throws
 * into the host after construction.
 * @public
 */
export class ThresholdMonitor implements ThresholdFeed {
  private readonly specs: WindowSpec[] = [];
  private readonly bySpecMetric = new Map<string, WindowSpec[]>();
  private readonly entries: { entry: RuleEntry; spec: WindowSpec }[] = [];
  private readonly listeners: Listeners;
  private readonly notifier: AlertmanagerNotifier | undefined;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly cap: number;
  private readonly breaches = new Map<string, Series>();
  private readonly stateSeries = new Map<RuleGroup, Series>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(private readonly options: ThresholdMonitorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.intervalMs = positive(options.evaluationIntervalMs, 5000);
    this.cap = positive(options.maxGroupsPerRule, 100);
    this.listeners = new Listeners(positive(options.listenerTimeoutMs, 30_000));
    this.notifier = options.alertmanager && new AlertmanagerNotifier(options.alertmanager);
    const byKey = new Map<string, WindowSpec>();
    for (const rule of options.rules ?? []) {
      const key = WindowSpec.keyOf(rule);
      let spec = byKey.get(key);
      if (spec === undefined) {
        spec = new WindowSpec(rule.metric, rule.where, rule.groupBy, rule.windowMs);
        byKey.set(key, spec);
        this.specs.push(spec);
        const list = this.bySpecMetric.get(rule.metric) ?? [];
        list.push(spec);
        this.bySpecMetric.set(rule.metric, list);
      }
      spec.addRule(rule);
      this.entries.push({ entry: spec.rules[spec.rules.length - 1]!, spec });
    }
  }

  /** The rules this monitor evaluates. */
  get rules(): ThresholdRule[] {
    return this.entries.map((e) => e.entry.rule);
  }

  /**
   * Resolves one series, once, to the function that feeds the windows of
   * every rule it matches; undefined when none does or after shutdown.
   */
  bind(metric: string, attributes: Attributes): ((value: number) => void) | undefined {
    if (this.closed) return undefined;
    const specs = this.bySpecMetric.get(metric);
    if (specs === undefined) return undefined;
    const windows: SlidingWindow[] = [];
    const now = this.now();
    for (const spec of specs) {
      if (!spec.matches(attributes)) continue;
      const group = spec.groupFor(attributes, this.cap, this.intervalMs, now);
      if (group !== undefined) windows.push(group.window);
    }
    return feeder(windows, isErrorSeries(attributes));
  }

  /** Adds an `alert` listener, called on every state change. */
  on(event: 'alert', listener: AlertListener): this {
    if (event === 'alert') this.listeners.add(listener);
    return this;
  }

  /** Removes an `alert` listener. */
  off(event: 'alert', listener: AlertListener): this {
    if (event === 'alert') this.listeners.remove(listener);
    return this;
  }

  /** Starts the evaluation timer (unref'd; none when there are no rules). */
  start(): void {
    if (this.timer !== undefined || this.closed || this.entries.length === 0) return;
    this.timer = setInterval(() => this.evaluate(), this.intervalMs);
    this.timer.unref?.();
  }

  /** Runs one evaluation now. Never throws. */
  evaluate(): void {
    if (this.closed) return;
    try {
      const now = this.now();
      const events: AlertEvent[] = [];
      for (const spec of this.specs) this.evaluateSpec(spec, now, events);
      for (const event of events) this.listeners.emit(event);
      this.resend(now);
    } catch {
      reporter().drop('invalid_value', 'threshold evaluation', 'tick skipped');
    }
  }

  private evaluateSpec(spec: WindowSpec, now: number, events: AlertEvent[]): void {
    const counter = metricByName(spec.metric)?.kind === 'counter';
    for (const group of spec.groups.values()) {
      group.window.advance(now);
      const snap = group.window.snapshot(now);
      for (const entry of spec.rules) this.evaluateGroup(entry, group, snap, counter, now, events);
    }
  }

  private evaluateGroup(
    entry: RuleEntry,
    group: WindowGroup,
    snap: WindowSnapshot,
    counter: boolean,
    now: number,
    events: AlertEvent[],
  ): void {
    const rule = entry.rule;
    let rg = entry.groups.get(group.key);
    if (rg === undefined) {
      rg = new RuleGroup(group.attributes, rule.forMs, now);
      entry.groups.set(group.key, rg);
      this.recordState(rule, rg);
    }
    const value = computeStatistic(rule.stat, snap, counter);
    rg.value = value;
    rg.samples = snap.count;
    const enough = snap.count >= rule.minSamples && !Number.isNaN(value);
    const breached = enough && this.breached(entry, group.key, rg, value, now);

    const previous = rg.step(breached, now);
    if (previous === undefined) return;
    const event = this.eventOf(rule, rg, previous, now);
    events.push(event);
    this.recordState(rule, rg);
    if (rg.state === 'firing') this.recordBreach(rule);
    this.notify(rule, rg, event);
  }

  private breached(entry: RuleEntry, key: string, rg: RuleGroup, value: number, now: number) {
    const c = entry.rule.condition;
    if (c.kind === 'static') {
      rg.threshold = c.threshold;
      return !holds(value, c.op, c.threshold);
    }
    let baseline = entry.baselines.get(key);
    if (baseline === undefined) {
      baseline = new Baseline(c);
      entry.baselines.set(key, baseline);
    }
    let departs = false;
    if (baseline.ready(now)) {
      rg.threshold = baseline.bound();
      departs = baseline.departs(value);
    }
    baseline.update(value, now);
    return departs;
  }

  private eventOf(rule: ThresholdRule, rg: RuleGroup, previous: AlertState, now: number) {
    return Object.freeze({
      rule: rule.name,
      group: rg.group,
      metric: rule.metric,
      statistic: rule.stat,
      value: rg.value,
      threshold: rg.threshold,
      condition: rule.condition.text,
      severity: rule.severity,
      state: rg.state,
      previousState: previous,
      at: now,
    }) satisfies AlertEvent;
  }

  private notify(rule: ThresholdRule, rg: RuleGroup, event: AlertEvent): void {
    if (this.notifier === undefined) return;
    if (event.state === 'firing') {
      rg.firedAt = event.at;
      rg.lastNotified = event.at;
      this.notifier.enqueue(toPostable(rule, event, rg.firedAt, this.endsAt(event.at)));
    } else if (event.state === 'resolved') {
      this.notifier.enqueue(toPostable(rule, event, rg.firedAt, event.at));
    }
  }

  /** Alertmanager resolves an alert that is not refreshed before endsAt. */
  private endsAt(now: number): number {
    return now + 4 * Math.max(this.intervalMs, this.notifier?.resendIntervalMs ?? 0);
  }

  private resend(now: number): void {
    const notifier = this.notifier;
    if (notifier === undefined) return;
    for (const { entry } of this.entries) {
      for (const rg of entry.groups.values()) {
        if (rg.state !== 'firing' || now - rg.lastNotified < notifier.resendIntervalMs) continue;
        rg.lastNotified = now;
        const event = this.eventOf(entry.rule, rg, 'firing', now);
        notifier.enqueue(toPostable(entry.rule, event, rg.firedAt, this.endsAt(now)));
      }
    }
  }

  private recordState(rule: ThresholdRule, rg: RuleGroup): void {
    const recorder = this.options.recorder;
    if (recorder === undefined) return;
    let series = this.stateSeries.get(rg);
    if (series === undefined) {
      series = recorder.series(METRIC_THRESHOLD_STATE, {
        ...rg.group,
        [ATTR_RULE]: rule.name,
        [ATTR_SEVERITY]: rule.severity,
      });
      this.stateSeries.set(rg, series);
    }
    series.record(STATE_VALUE[rg.state]);
  }

  private recordBreach(rule: ThresholdRule): void {
    const recorder = this.options.recorder;
    if (recorder === undefined) return;
    let series = this.breaches.get(rule.name);
    if (series === undefined) {
      series = recorder.series(METRIC_THRESHOLD_BREACHES, {
        [ATTR_RULE]: rule.name,
        [ATTR_SEVERITY]: rule.severity,
      });
      this.breaches.set(rule.name, series);
    }
    series.record(1);
  }

  /** State, last value, samples and threshold of every rule and group. */
  status(): RuleStatus[] {
    return this.entries.map(({ entry, spec }) => ({
      rule: entry.rule.name,
      metric: entry.rule.metric,
      statistic: entry.rule.stat,
      condition: entry.rule.condition.text,
      severity: entry.rule.severity,
      droppedGroups: spec.dropped,
      groups: [...entry.groups.values()].map((rg) => ({
        group: rg.group,
        state: rg.state,
        value: rg.value,
        samples: rg.samples,
        threshold: rg.threshold,
        since: rg.since,
      })),
    }));
  }

  /** A summary for readiness endpoints and load shedding. */
  health(): ThresholdHealth {
    const firing: FiringAlert[] = [];
    for (const { entry } of this.entries) {
      for (const rg of entry.groups.values()) {
        if (rg.state !== 'firing') continue;
        const { name: rule, severity } = entry.rule;
        firing.push({ rule, group: rg.group, severity, value: rg.value,
          threshold: rg.threshold, since: rg.since });
      }
    }
    const failing = firing.some((f) => URGENT.has(f.severity));
    const degraded = firing.some((f) => f.severity !== 'info');
    const status = failing ? 'failing' : degraded ? 'degraded' : 'ok';
    return { healthy: !failing, status, firing };
  }

  /** Stops the timer and sends queued alerts within a short budget. Idempotent. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    try {
      await this.notifier?.shutdown();
    } catch {
      // Shutdown resolves whatever the Alertmanager does.
    }
  }
}

function holds(value: number, op: string, threshold: number): boolean {
  switch (op) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    default:
      return value >= threshold;
  }
}

function positive(v: number | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}
