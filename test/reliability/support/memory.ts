/** Memory samples after a full collection, and their slope. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `gc()`, exposed at run time when the process was not started with --expose-gc. */
export function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** One sample: seconds since the first, and bytes. */
export interface MemorySample {
  t: number;
  heapUsed: number;
  rss: number;
}

/** Least-squares slope of `y` over `x`. */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Slopes in KB per minute of heapUsed and rss. */
export function slopesKbPerMin(samples: MemorySample[]): { heapUsed: number; rss: number } {
  const xs = samples.map((s) => s.t / 60);
  return {
    heapUsed: slope(xs, samples.map((s) => s.heapUsed / 1024)),
    rss: slope(xs, samples.map((s) => s.rss / 1024)),
  };
}
