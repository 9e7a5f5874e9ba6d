import { describe, expect, it } from 'vitest';
import { reporter } from '../../src/internal/report.js';
import { Recorder } from '../../src/sink/recorder.js';
import { METRIC_TRANSLATION_DURATION } from '../../src/semconv.js';
import {
  parseThresholds,
  ThresholdMonitor,
  type AlertEvent,
  type ThresholdMonitorOptions,
} from '../../src/thresholds/index.js';
import { fakeClock, memorySink } from './helpers.js';

const MT = 'speech.translation.duration';

function monitorWith(rule: Record<string, unknown>, extra: Partial<ThresholdMonitorOptions> = {}) {
  const clock = fakeClock();
  const { rules } = parseThresholds({ rules: [{ name: 'r', metric: MT, ...rule }] });
  const monitor = new ThresholdMonitor({ rules, now: clock.now, evaluationIntervalMs: 5000, ...extra });
  const events: AlertEvent[] = [];
  monitor.on('alert', (e) => {
    events.push(e);
  });
  return { clock, monitor, events };
}

/** Feeds `n` values, then advances one tick and evaluates. */
function tick(m: ReturnType<typeof monitorWith>, feed: (v: number) => void, value: number, n = 10) {
  for (let i = 0; i < n; i++) feed(value);
  m.clock.advance(5000);
  m.monitor.evaluate();
}

describe('state machine', () => {
  it('goes ok → pending → firing → resolved → ok with the for duration', () => {
    const m = monitorWith({ stat: 'p95', condition: '< 800ms', window: '20s', for: '10s', min_samples: 5 });
    const feed = m.monitor.bind(MT, {})!;
    tick(m, feed, 0.1);
    expect(m.events).toEqual([]);
    tick(m, feed, 2, 40); // p95 now 2 s
    expect(m.events.map((e) => e.state)).toEqual(['pending']);
    tick(m, feed, 2, 40);
    expect(m.events.map((e) => e.state)).toEqual(['pending']);
    tick(m, feed, 2, 40); // 10 s after the breach began
    expect(m.events.map((e) => e.state)).toEqual(['pending', 'firing']);
    const firing = m.events[1]!;
    expect(firing).toMatchObject({ rule: 'r', statistic: 'p95', threshold: 0.8,
      condition: '< 800ms', severity: 'medium', previousState: 'pending', group: {} });
    expect(firing.value).toBeCloseTo(2, 1);
    for (let i = 0; i < 6; i++) tick(m, feed, 0.1, 40); // the slow values leave the window
    expect(m.events.map((e) => e.state)).toEqual(['pending', 'firing', 'resolved', 'ok']);
  });

  it('returns from pending to ok when the breach ends before for', () => {
    const m = monitorWith({ stat: 'mean', condition: '< 1s', window: '5s', for: '30s', min_samples: 1 });
    const feed = m.monitor.bind(MT, {})!;
    tick(m, feed, 3);
    tick(m, feed, 0.1);
    tick(m, feed, 0.1);
    expect(m.events.map((e) => [e.previousState, e.state])).toEqual([['ok', 'pending'], ['pending', 'ok']]);
  });

  it('does not fire below min_samples', () => {
    const m = monitorWith({ stat: 'max', condition: '< 1s', window: '60s', min_samples: 20 });
    const feed = m.monitor.bind(MT, {})!;
    tick(m, feed, 9, 5);
    tick(m, feed, 9, 5);
    expect(m.events).toEqual([]);
    expect(m.monitor.status()[0]!.groups[0]).toMatchObject({ state: 'ok', samples: 10, value: 9 });
    tick(m, feed, 9, 10);
    expect(m.events.map((e) => e.state)).toEqual(['firing']);
  });

  it('counts error ratios from series carrying error.type', () => {
    const m = monitorWith({ stat: 'error_ratio', condition: '< 10%', window: '10s', min_samples: 10 });
    const ok = m.monitor.bind(MT, { 'speech.model': 'a' })!;
    const failed = m.monitor.bind(MT, { 'speech.model': 'a', 'error.type': 'Timeout' })!;
    for (let i = 0; i < 95; i++) ok(0.2);
    for (let i = 0; i < 5; i++) failed(0.2);
    m.clock.advance(5000);
    m.monitor.evaluate();
    expect(m.monitor.status()[0]!.groups[0]!.value).toBeCloseTo(0.05);
    for (let i = 0; i < 30; i++) failed(0.2);
    m.clock.advance(5000);
    m.monitor.evaluate();
    expect(m.events.map((e) => e.state)).toEqual(['firing']);
    expect(m.events[0]!.value).toBeCloseTo(35 / 130);
  });

  it('computes rate as values per second over the window', () => {
    const m = monitorWith({ stat: 'rate', condition: '> 5', window: '10s' });
    const feed = m.monitor.bind(MT, {})!;
    m.clock.advance(10_000);
    for (let i = 0; i < 100; i++) feed(0.1);
    m.clock.advance(5000);
    m.monitor.evaluate();
    const value = m.monitor.status()[0]!.groups[0]!.value;
    expect(value).toBeGreaterThan(5);
    expect(value).toBeLessThanOrEqual(100 / 10);
    expect(m.events).toEqual([]);
  });

  it('splits by group_by, filters by where and caps the groups', () => {
    const m = monitorWith({ stat: 'mean', condition: '< 1s', window: '10s', min_samples: 1,
      where: { 'speech.target_language': 'de' }, group_by: ['speech.model'] }, { maxGroupsPerRule: 2 });
    const before = reporter().dropped().overflow;
    const a = m.monitor.bind(MT, { 'speech.model': 'a', 'speech.target_language': 'de' })!;
    const b = m.monitor.bind(MT, { 'speech.model': 'b', 'speech.target_language': 'de' })!;
    expect(m.monitor.bind(MT, { 'speech.model': 'c', 'speech.target_language': 'de' })).toBeUndefined();
    expect(m.monitor.bind(MT, { 'speech.model': 'a', 'speech.target_language': 'fr' })).toBeUndefined();
    expect(m.monitor.bind('speech.tts.duration', {})).toBeUndefined();
    expect(reporter().dropped().overflow).toBe(before + 1);
    a(0.1);
    b(5);
    m.clock.advance(5000);
    m.monitor.evaluate();
    expect(m.events.map((e) => [e.group, e.state])).toEqual([[{ 'speech.model': 'b' }, 'firing']]);
    expect(m.monitor.status()[0]!.droppedGroups).toBe(1);
  });

  it('keeps NaN and infinities out of the windows', () => {
    const m = monitorWith({ stat: 'max', condition: '< 1s', window: '10s', min_samples: 1 });
    const feed = m.monitor.bind(MT, {})!;
    feed(Number.NaN);
    feed(Number.POSITIVE_INFINITY);
    feed(0.5);
    m.clock.advance(5000);
    m.monitor.evaluate();
    expect(m.monitor.status()[0]!.groups[0]).toMatchObject({ samples: 1, value: 0.5, state: 'ok' });
  });

  it('fires on a departure from a dynamic baseline after the warm-up', () => {
    const m = monitorWith({ stat: 'p95', condition: '> 3_sigma', window: '5s', min_samples: 5,
      baseline: { warmup: '30s', half_life: '10m' } });
    const feed = m.monitor.bind(MT, {})!;
    for (let i = 0; i < 20; i++) tick(m, feed, i % 2 === 0 ? 0.3 : 0.32, 20);
    expect(m.events).toEqual([]);
    tick(m, feed, 0.9, 20);
    expect(m.events.map((e) => e.state)).toEqual(['firing']);
    expect(m.events[0]!.threshold).toBeGreaterThan(0.3);
    expect(m.events[0]!.threshold).toBeLessThan(0.5);
  });
});

describe('outputs', () => {
  it('summarises health by severity', () => {
    const clock = fakeClock();
    const { rules } = parseThresholds({ rules: [
      { name: 'slow', metric: MT, stat: 'max', condition: '< 1s', severity: 'low', min_samples: 1 },
      { name: 'down', metric: MT, stat: 'max', condition: '< 5s', severity: 'critical', min_samples: 1 },
    ] });
    const monitor = new ThresholdMonitor({ rules, now: clock.now });
    const feed = monitor.bind(MT, {})!;
    expect(monitor.health()).toEqual({ healthy: true, status: 'ok', firing: [] });
    feed(2);
    clock.advance(5000);
    monitor.evaluate();
    expect(monitor.health()).toMatchObject({ healthy: true, status: 'degraded' });
    feed(9);
    clock.advance(5000);
    monitor.evaluate();
    const h = monitor.health();
    expect(h).toMatchObject({ healthy: false, status: 'failing' });
    expect(h.firing.map((f) => f.rule).sort()).toEqual(['down', 'slow']);
  });

  it('records breaches and states through the recorder', () => {
    const clock = fakeClock();
    const sink = memorySink();
    const recorder = new Recorder(sink);
    const { rules } = parseThresholds({ rules: [
      { name: 'r', metric: MT, stat: 'max', condition: '< 1s', severity: 'high', min_samples: 1 },
    ] });
    const monitor = new ThresholdMonitor({ rules, now: clock.now, recorder });
    recorder.setFeed(monitor);
    const series = recorder.series(METRIC_TRANSLATION_DURATION, {});
    series.record(3);
    clock.advance(5000);
    monitor.evaluate();
    const attrs = { 'speechmetry.rule': 'r', 'speechmetry.severity': 'high' };
    expect(sink.values.get(`speechmetry.threshold.breaches ${JSON.stringify(attrs)}`)).toEqual([1]);
    expect(sink.values.get(`speechmetry.threshold.state ${JSON.stringify(attrs)}`)).toEqual([0, 2]);
  });

  it('contains listeners that throw, reject or never settle', async () => {
    const m = monitorWith({ stat: 'max', condition: '< 1s', min_samples: 1 }, { listenerTimeoutMs: 20 });
    const before = reporter().dropped().listener_failed;
    m.monitor.on('alert', () => {
      throw new Error('listener bug');
    });
    m.monitor.on('alert', () => Promise.reject(new Error('async bug')));
    m.monitor.on('alert', () => new Promise(() => undefined));
    const late: AlertEvent[] = [];
    m.monitor.on('alert', (e) => {
      late.push(e);
    });
    const feed = m.monitor.bind(MT, {})!;
    feed(4);
    m.clock.advance(5000);
    expect(() => m.monitor.evaluate()).not.toThrow();
    expect(late.map((e) => e.state)).toEqual(['firing']);
    await new Promise((r) => setTimeout(r, 80));
    expect(reporter().dropped().listener_failed - before).toBe(3);
  });

  it('removes listeners, starts no timer without rules and shuts down twice', async () => {
    const empty = new ThresholdMonitor({ rules: [] });
    empty.start();
    expect((empty as unknown as { timer: unknown }).timer).toBeUndefined();
    const m = monitorWith({ stat: 'max', condition: '< 1s', min_samples: 1 });
    const seen: AlertEvent[] = [];
    const listener = (e: AlertEvent) => {
      seen.push(e);
    };
    m.monitor.on('alert', listener).off('alert', listener);
    m.monitor.bind(MT, {})!(5);
    m.clock.advance(5000);
    m.monitor.evaluate();
    expect(seen).toEqual([]);
    await m.monitor.shutdown();
    await m.monitor.shutdown();
    expect(m.monitor.bind(MT, {})).toBeUndefined();
  });
});
