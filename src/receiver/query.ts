/**
 * Reading figures out of received metrics: quantiles from explicit-bucket
 * histograms (the way a backend's `histogram_quantile` does), and the
 * difference of two cumulative points for a window.
 */
import type {
  OtlpExponentialHistogramPoint,
  OtlpHistogramPoint,
  OtlpMetric,
  OtlpNumberPoint,
  OtlpSummaryPoint,
  ReceivedMetric,
} from './types.js';

/** The bucket part of a histogram point. */
export type BucketedPoint = Pick<
  OtlpHistogramPoint,
  'count' | 'bucketCounts' | 'explicitBounds' | 'min' | 'max'
>;

/**
 * Estimates quantile `q` (0–1) of a histogram point by linear
 * interpolation inside the bucket holding the rank, as Prometheus's
 * `histogram_quantile` does. The lowest bucket starts at the point's
 * `min` (or 0), the overflow bucket ends at its `max` (or the last
 * bound), and the result is clamped to [min, max] when those are known.
 * Returns `undefined` for an empty point.
 */
export function histogramQuantile(point: BucketedPoint, q: number): number | undefined {
  const total = point.bucketCounts.reduce((a, b) => a + b, 0);
  if (total === 0 || !(q >= 0 && q <= 1)) return undefined;
  const bounds = point.explicitBounds;
  const rank = q * total;
  let below = 0;
  let i = 0;
  for (; i < point.bucketCounts.length - 1; i++) {
    if (below + point.bucketCounts[i]! >= rank) break;
    below += point.bucketCounts[i]!;
  }
  const lower = i === 0 ? Math.min(point.min ?? 0, bounds[0] ?? 0) : bounds[i - 1]!;
  const upper = i < bounds.length ? bounds[i]! : Math.max(point.max ?? lower, lower);
  const inBucket = point.bucketCounts[i]!;
  const fraction = inBucket === 0 ? 1 : (rank - below) / inBucket;
  return clamp(lower + (upper - lower) * fraction, point.min, point.max);
}

function clamp(v: number, min: number | undefined, max: number | undefined): number {
  let out = v;
  if (min !== undefined && out < min) out = min;
  if (max !== undefined && out > max) out = max;
  return out;
}

/**
 * The data points of a metric when it has the expected type, else an
 * empty list; saves a narrowing `if` at every call site.
 */
export function pointsOf<T extends keyof PointsByType>(
  metric: OtlpMetric | ReceivedMetric | undefined,
  type: T,
): PointsByType[T][] {
  if (metric === undefined || metric.type !== type) return [];
  return metric.dataPoints as PointsByType[T][];
}

/** The point type of each metric data type. */
export interface PointsByType {
  gauge: OtlpNumberPoint;
  sum: OtlpNumberPoint;
  histogram: OtlpHistogramPoint;
  exponentialHistogram: OtlpExponentialHistogramPoint;
  summary: OtlpSummaryPoint;
}

/**
 * The observations between two cumulative points of one series: `later`
 * minus `earlier`, bucket by bucket. When the series restarted (a count
 * went down) `later` is returned as is. Min and max are dropped: they are
 * not differenceable.
 */
export function histogramDelta(
  earlier: BucketedPoint | undefined,
  later: BucketedPoint,
): BucketedPoint {
  if (earlier === undefined || earlier.bucketCounts.length !== later.bucketCounts.length) {
    return later;
  }
  const bucketCounts = later.bucketCounts.map((c, i) => c - earlier.bucketCounts[i]!);
  if (bucketCounts.some((c) => c < 0)) return later;
  return {
    count: later.count - earlier.count,
    bucketCounts,
    explicitBounds: later.explicitBounds,
  };
}
