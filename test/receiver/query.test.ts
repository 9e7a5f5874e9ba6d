import { describe, expect, it } from 'vitest';
import { histogramDelta, histogramQuantile } from '../../src/receiver/index.js';

describe('histogramQuantile', () => {
  const point = { count: 10, bucketCounts: [2, 6, 2, 0], explicitBounds: [0.1, 0.5, 1] };

  it('interpolates linearly inside the bucket that holds the rank', () => {
    // rank 5 of 10: 3 into the (0.1, 0.5] bucket of 6 → 0.1 + 0.4 * 3/6
    expect(histogramQuantile(point, 0.5)).toBeCloseTo(0.3, 12);
    // rank 9.5: 1.5 into the (0.5, 1] bucket of 2 → 0.5 + 0.5 * 0.75
    expect(histogramQuantile(point, 0.95)).toBeCloseTo(0.875, 12);
  });

  it('is exact at a bucket bound and clamps to min and max', () => {
    expect(histogramQuantile(point, 0.8)).toBeCloseTo(0.5, 12);
    expect(histogramQuantile({ ...point, min: 0.2, max: 0.7 }, 1)).toBe(0.7);
    expect(histogramQuantile({ ...point, min: 0.2, max: 0.7 }, 0)).toBe(0.2);
  });

  it('uses max for the overflow bucket and is undefined when empty', () => {
    const over = { count: 1, bucketCounts: [0, 0, 0, 1], explicitBounds: [0.1, 0.5, 1], max: 3 };
    expect(histogramQuantile(over, 0.5)).toBeCloseTo(2, 12);
    expect(histogramQuantile({ ...point, count: 0, bucketCounts: [0, 0, 0, 0] }, 0.5)).toBe(
      undefined,
    );
  });
});

describe('histogramDelta', () => {
  it('subtracts cumulative points and falls back on a reset', () => {
    const a = { count: 3, bucketCounts: [1, 2, 0], explicitBounds: [1, 2] };
    const b = { count: 7, bucketCounts: [2, 3, 2], explicitBounds: [1, 2] };
    expect(histogramDelta(a, b)).toEqual({
      count: 4,
      bucketCounts: [1, 1, 2],
      explicitBounds: [1, 2],
    });
    expect(histogramDelta(b, a)).toBe(a);
  });
});
