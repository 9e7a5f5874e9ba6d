/**
 * The demo's figures, computed only from what the OTLP receiver decoded:
 * cumulative histogram points are kept per series with their arrival
 * time, so a view can ask for the whole run or for the last few seconds.
 */
import { histogramQuantile, pointsOf } from '../receiver/index.js';
import type {
  OtlpAttributes,
  OtlpHistogramPoint,
  ReceivedMetricsExport,
} from '../receiver/index.js';

/** A merged histogram: counts, sum and buckets of one or more series. */
export interface Aggregate {
  count: number;
  sum: number;
  bucketCounts: number[];
  explicitBounds: number[];
}

interface Sample {
  at: number;
  point: OtlpHistogramPoint;
}

/** Which series of a metric to merge: attribute values that must match. */
export type SeriesFilter = Record<string, string | undefined>;

const HISTORY = 120;

/** Keeps received histogram points and answers window queries. */
export class Figures {
  // metric name → series key → samples, oldest first
  private readonly series = new Map<string, Map<string, Sample[]>>();
  private lastAt = 0;

  /** Feeds one received metrics export. */
  add(e: ReceivedMetricsExport): void {
    this.lastAt = Math.max(this.lastAt, e.receivedAt);
    for (const rm of e.request.resourceMetrics) {
      for (const sm of rm.scopeMetrics) {
        for (const m of sm.metrics) {
          for (const point of pointsOf(m, 'histogram')) this.keep(m.name, point, e.receivedAt);
        }
      }
    }
  }

  /** True once any histogram arrived. */
  get empty(): boolean {
    return this.series.size === 0;
  }

  /**
   * The merged observations of matching series over the last `windowMs`
   * milliseconds (the whole run when omitted).
   */
  aggregate(metric: string, filter: SeriesFilter, windowMs?: number): Aggregate | undefined {
    let out: Aggregate | undefined;
    for (const samples of this.series.get(metric)?.values() ?? []) {
      const last = samples[samples.length - 1]!;
      if (!matches(last.point.attributes, filter)) continue;
      const base = windowMs === undefined ? undefined : baseline(samples, last.at - windowMs);
      out = merge(out, subtract(last.point, base?.point));
    }
    return out;
  }

  /** Requests per second over the window, from a duration histogram. */
  rate(metric: string, filter: SeriesFilter, windowMs: number): number | undefined {
    let count = 0;
    let span = 0;
    for (const samples of this.series.get(metric)?.values() ?? []) {
      const last = samples[samples.length - 1]!;
      if (!matches(last.point.attributes, filter)) continue;
      const base = baseline(samples, last.at - windowMs);
      const from = base?.point.timeUnixNano ?? last.point.startTimeUnixNano;
      count += last.point.count - (base?.point.count ?? 0);
      span = Math.max(span, Number(last.point.timeUnixNano - from) / 1e9);
    }
    return span > 0 ? count / span : undefined;
  }

  private keep(metric: string, point: OtlpHistogramPoint, at: number): void {
    let bySeries = this.series.get(metric);
    if (bySeries === undefined) this.series.set(metric, (bySeries = new Map()));
    const key = seriesKey(point.attributes);
    let samples = bySeries.get(key);
    if (samples === undefined) bySeries.set(key, (samples = []));
    samples.push({ at, point });
    if (samples.length > HISTORY) samples.shift();
  }
}

/** Quantile `q` of an aggregate, or undefined when it is empty. */
export function quantile(a: Aggregate | undefined, q: number): number | undefined {
  if (a === undefined || a.count === 0) return undefined;
  return histogramQuantile(a, q);
}

/** Mean of an aggregate, or undefined when it is empty. */
export function mean(a: Aggregate | undefined): number | undefined {
  return a === undefined || a.count === 0 ? undefined : a.sum / a.count;
}

function seriesKey(attributes: OtlpAttributes): string {
  return JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function matches(attributes: OtlpAttributes, filter: SeriesFilter): boolean {
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined) {
      if (attributes[k] !== undefined) return false;
    } else if (attributes[k] !== v) return false;
  }
  return true;
}

// The newest sample at or before `cutoff`: the start of the window.
function baseline(samples: Sample[], cutoff: number): Sample | undefined {
  let found: Sample | undefined;
  for (const s of samples) if (s.at <= cutoff) found = s;
  return found;
}

function subtract(later: OtlpHistogramPoint, earlier: OtlpHistogramPoint | undefined): Aggregate {
  const restarted = earlier !== undefined && earlier.count > later.count;
  if (earlier === undefined || restarted) {
    return {
      count: later.count,
      sum: later.sum ?? 0,
      bucketCounts: [...later.bucketCounts],
      explicitBounds: later.explicitBounds,
    };
  }
  return {
    count: later.count - earlier.count,
    sum: (later.sum ?? 0) - (earlier.sum ?? 0),
    bucketCounts: later.bucketCounts.map((c, i) => c - (earlier.bucketCounts[i] ?? 0)),
    explicitBounds: later.explicitBounds,
  };
}

function merge(a: Aggregate | undefined, b: Aggregate): Aggregate {
  if (a === undefined) return b;
  return {
    count: a.count + b.count,
    sum: a.sum + b.sum,
    bucketCounts: a.bucketCounts.map((c, i) => c + (b.bucketCounts[i] ?? 0)),
    explicitBounds: a.explicitBounds,
  };
}
