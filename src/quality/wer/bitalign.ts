import { deltaMatrixBand } from './bitband.js';
import { backtrack } from './backtrack.js';
import type { EditOps } from './editops.js';

/*
 * The same backtrack as band.ts (rapidfuzz's recover_alignment), read from
 * the exact bit-parallel matrix. Faster than the scalar band when the bit
 * matrix is small; the caller decides by size.
 */

/**
 * Appends the edit operations turning a[a0, a0 + n) into b[b0, b0 + m),
 * in order; both lengths must be positive and `max` at least their
 * distance.
 */
export function alignBitParallel(
  a: Int32Array, a0: number, n: number,
  b: Int32Array, b0: number, m: number, out: EditOps,
  max: number = Math.max(n, m),
): void {
  // Only the band an optimal path can use is stored (bitband.ts): the
  // backtrack reads cells on its path and their neighbours, which are
  // exact there or, outside, read as no change.
  const { first, offset, vp, vn } = deltaMatrixBand(
    a.subarray(a0, a0 + n), b.subarray(b0, b0 + m), max,
  );
  const bitAt = (bits: Int32Array, c: number, r: number): boolean => {
    const w = ((c - 1) >>> 5) - first[r - 1];
    const at = offset[r - 1] + w;
    return w >= 0 && at < offset[r] && (bits[at] & (1 << ((c - 1) & 31))) !== 0;
  };

  backtrack(a, a0, n, b, b0, m,
    (c, r) => bitAt(vp, c, r), (c, r) => bitAt(vn, c, r), out);
}
