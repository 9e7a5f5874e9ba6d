import { AggregationTemporality, InstrumentType } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import {
  ATTR_CACHE_RESULT,
  ATTR_DETECTION_OUTCOME,
  ATTR_LANGUAGE,
  ATTR_MODEL,
  ATTR_RULE,
  LATENCY_BUCKETS_SECONDS,
  METRIC_ASR_ACTIVE_STREAMS,
  METRIC_ASR_AUDIO_DURATION,
  METRIC_ASR_CONFIDENCE,
  METRIC_ASR_DURATION,
  METRIC_ASR_LANGUAGE_DETECTIONS,
  METRIC_THRESHOLD_STATE,
  METRIC_TRANSLATION_CACHE_LOOKUPS,
  SCORE_BUCKETS,
} from '../../src/semconv.js';
import {
  cellsRig,
  normalize,
  otelRig,
  times,
  type NormalMetric,
  type ReaderSpec,
  type Rig,
} from './harness.js';

const { CUMULATIVE, DELTA } = AggregationTemporality;

/** The OTLP exporter's "delta" preference: up-down counters stay cumulative. */
const deltaPreference = (type: InstrumentType): AggregationTemporality =>
  type === InstrumentType.UP_DOWN_COUNTER ? CUMULATIVE : DELTA;

// Every boundary exactly, the points between them, and both ends.
const between = (b: readonly number[]) => b.slice(1).map((x, i) => (x + b[i]!) / 2);
const LATENCIES = [0, 1e-4, ...LATENCY_BUCKETS_SECONDS, ...between(LATENCY_BUCKETS_SECONDS), 61, 3600];
const SCORES = [0, ...SCORE_BUCKETS, ...between(SCORE_BUCKETS), 0.01, 0.999];

type Step = (rig: Rig, round: number) => void;

/** Histograms over many attribute sets; each round touches a subset. */
const histograms: Step = (rig, round) => {
  for (let m = 0; m < 12; m++) {
    if ((m + round) % 3 === 0) continue; // some series idle each round
    for (const language of ['en', 'de-AT']) {
      const attrs = { [ATTR_MODEL]: `model-${m}`, [ATTR_LANGUAGE]: language };
      const duration = rig.bind(METRIC_ASR_DURATION, attrs);
      const confidence = rig.bind(METRIC_ASR_CONFIDENCE, attrs);
      const audio = rig.bind(METRIC_ASR_AUDIO_DURATION, attrs);
      for (let i = round + m; i < LATENCIES.length; i += 3) duration.record(LATENCIES[i]!);
      for (let i = m % 4; i < SCORES.length; i += 2 + round) confidence.record(SCORES[i]!);
      audio.record(0.5 * (m + 1) * (round + 1));
      audio.record(-1); // dropped by both sinks
    }
  }
};

const sums: Step = (rig, round) => {
  for (const outcome of ['correct', 'incorrect']) {
    const detections = rig.bind(METRIC_ASR_LANGUAGE_DETECTIONS, {
      [ATTR_DETECTION_OUTCOME]: outcome,
    });
    detections.record(1);
    detections.record(0);
    detections.record(round + 0.25);
    detections.record(-3); // dropped: counters are monotonic
  }
  if (round === 0) {
    // Recorded once only: zero-valued, then idle.
    rig.bind(METRIC_TRANSLATION_CACHE_LOOKUPS, { [ATTR_CACHE_RESULT]: 'hit' }).record(0);
  }
  for (let s = 0; s < 5; s++) {
    const active = rig.bind(METRIC_ASR_ACTIVE_STREAMS, { [ATTR_MODEL]: `model-${s}` });
    active.record(1);
    active.record(1);
    active.record(s === round ? -2 : -1); // one series returns to zero
  }
};

const gauges: Step = (rig, round) => {
  for (let r = 0; r < 4; r++) {
    if (r === round) continue;
    const state = rig.bind(METRIC_THRESHOLD_STATE, { [ATTR_RULE]: `rule-${r}` });
    state.record(2);
    state.record((r + round) % 3);
  }
};

const everything: Step = (rig, round) => {
  histograms(rig, round);
  sums(rig, round);
  gauges(rig, round);
};

/** Runs the rounds, collecting the given readers after each one. */
async function play(rig: Rig, rounds: Step[], plan: number[][]) {
  const results = [];
  for (let round = 0; round < rounds.length; round++) {
    rounds[round]!(rig, round);
    for (const reader of plan[round]!) {
      results.push({ reader, result: await rig.readers[reader]!.collect() });
    }
  }
  return results;
}

async function compare(
  specs: ReaderSpec[],
  rounds: Step[],
  plan: number[][],
  options: { limit?: number; sumDigits?: number } = {},
) {
  const reference = await play(otelRig(specs, options.limit), rounds, plan);
  const fast = await play(cellsRig(specs, options.limit), rounds, plan);
  const view = (r: Played[number]) => roundSums(normalize(r.result), options.sumDigits);
  expect(fast.length).toBe(reference.length);
  for (let i = 0; i < fast.length; i++) {
    expect(view(fast[i]!), `collection ${i}`).toEqual(view(reference[i]!));
  }
  checkTimes(specs, fast);
  checkTimes(specs, reference);
  return { reference, fast };
}

type Played = Awaited<ReturnType<typeof play>>;

/** Sums to `digits` significant digits; all digits when undefined. */
function roundSums(metrics: NormalMetric[], digits?: number): NormalMetric[] {
  if (digits === undefined) return metrics;
  const round = (x: number) => Number(x.toPrecision(digits));
  for (const m of metrics) {
    for (const p of m.points) {
      if (typeof p.value === 'number') p.value = round(p.value);
      else (p.value as { sum: number }).sum = round((p.value as { sum: number }).sum);
    }
  }
  return metrics;
}

/**
 * Clock rules both sinks keep: one end time per collection; a cumulative
 * series keeps its start; a delta point starts no earlier than the end of
 * the reader's previous collection.
 */
function checkTimes(specs: ReaderSpec[], played: Played) {
  const lastEnd = new Map<number, number>();
  const starts = new Map<string, number>();
  for (const { reader, result } of played) {
    const points = times(result);
    const ends = new Set([...points.values()].map((p) => p.end));
    expect(ends.size).toBeLessThanOrEqual(1);
    for (const [id, p] of points) {
      expect(p.start).toBeLessThanOrEqual(p.end);
      const temporality = temporalityOf(specs[reader]!, id);
      if (temporality === CUMULATIVE) {
        const first = starts.get(`${reader} ${id}`) ?? p.start;
        expect(p.start).toBe(first);
        starts.set(`${reader} ${id}`, first);
      } else if (lastEnd.has(reader)) {
        expect(p.start).toBeGreaterThanOrEqual(lastEnd.get(reader)!);
      }
    }
    if (ends.size === 1) lastEnd.set(reader, [...ends][0]!);
  }
}

function temporalityOf(spec: ReaderSpec, id: string) {
  if (typeof spec.temporality !== 'function') return spec.temporality;
  const type = id.startsWith(METRIC_ASR_ACTIVE_STREAMS.name)
    ? InstrumentType.UP_DOWN_COUNTER
    : InstrumentType.HISTOGRAM;
  return spec.temporality(type);
}

const FOUR_ROUNDS: Step[] = [everything, everything, () => {}, everything];
const EACH_ROUND = [[0], [0], [0], [0]];

describe('cells sink against sdk-metrics', () => {
  it('exports the same cumulative data over several collections', async () => {
    const { fast } = await compare([{ temporality: CUMULATIVE }], FOUR_ROUNDS, EACH_ROUND);
    // The idle third round still exports every series, unchanged.
    expect(normalize(fast[2]!.result)).toEqual(normalize(fast[1]!.result));
  });

  it('exports the same delta data, leaving idle series and metrics out', async () => {
    const { fast } = await compare([{ temporality: DELTA }], FOUR_ROUNDS, EACH_ROUND);
    expect(fast[2]!.result.resourceMetrics.scopeMetrics).toEqual([]);
    const cacheLookups = (i: number) =>
      normalize(fast[i]!.result).some(
        (m) => (m.descriptor as { name: string }).name === METRIC_TRANSLATION_CACHE_LOOKUPS.name,
      );
    expect([cacheLookups(0), cacheLookups(1)]).toEqual([true, false]);
  });

  it('follows a per-instrument preference (OTLP delta preference)', async () => {
    await compare([{ temporality: deltaPreference }], FOUR_ROUNDS, EACH_ROUND);
  });

  it('gives two readers with different temporalities each their own view', async () => {
    const specs = [{ temporality: CUMULATIVE }, { temporality: DELTA }];
    // Interleaved: records reach one reader before the other collects.
    const plan = [[0], [1], [0, 1], [1, 0]];
    // sdk-metrics keeps one storage per reader and adds every record to
    // each; the cells sink adds per-interval sums into each reader's copy.
    // Same numbers, summed in another order: equal to 12 digits.
    await compare(specs, FOUR_ROUNDS, plan, { sumDigits: 12 });
  });

  it('applies the cardinality limit with the overflow series like the SDK', async () => {
    const limit = 5;
    const overflowing: Step = (rig, round) => {
      // The first limit - 1 sets come first in every round: sdk-metrics
      // admits series per collection interval, the cells sink once.
      for (let s = 0; s < 12; s++) {
        if (s >= limit - 1 && (s + round) % 2 === 0) continue;
        const attrs = { [ATTR_MODEL]: `model-${s}` };
        rig.bind(METRIC_ASR_DURATION, attrs).record(s / 10);
        rig.bind(METRIC_ASR_LANGUAGE_DETECTIONS, attrs).record(s);
        rig.bind(METRIC_ASR_ACTIVE_STREAMS, attrs).record(s % 2 === 0 ? 1 : -1);
        rig.bind(METRIC_THRESHOLD_STATE, attrs).record(s);
      }
    };
    const rounds = [overflowing, overflowing, overflowing];
    for (const temporality of [CUMULATIVE, DELTA]) {
      const { fast } = await compare([{ temporality }], rounds, [[0], [0], [0]], { limit });
      for (const metric of normalize(fast[2]!.result)) {
        expect(metric.points).toHaveLength(limit);
        const overflow = metric.points.filter((p) => p.attributes['otel.metric.overflow']);
        expect(overflow).toHaveLength(1);
      }
    }
  });
});
