import type { Statistic } from './types.js';
import type { WindowSnapshot } from './window.js';

const QUANTILE: Partial<Record<Statistic, number>> = {
  p50: 0.5,
  p90: 0.9,
  p95: 0.95,
  p99: 0.99,
};

/**
 * Computes a statistic from a merged window. `rate` is values per second
 * for histograms and the sum of increments per second for counters.
 * Returns NaN when the window is empty.
 */
export function computeStatistic(
  stat: Statistic,
  snap: WindowSnapshot,
  counter: boolean,
): number {
  if (stat === 'rate') return (counter ? snap.sum : snap.count) / (snap.spanMs / 1000);
  if (stat === 'max') return snap.max === -Infinity ? Number.NaN : snap.max;
  if (snap.count === 0) return Number.NaN;
  if (stat === 'mean') return snap.sum / snap.count;
  if (stat === 'error_ratio') return snap.errors / snap.count;
  const q = QUANTILE[stat]!;
  return snap.sketch === undefined ? Number.NaN : snap.sketch.getValueAtQuantile(q);
}
