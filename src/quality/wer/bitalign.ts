import { deltaMatrixBand } from './bitband.js';
import { OP_DELETE, OP_INSERT, OP_REPLACE, type EditOps } from './editops.js';

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

  const types: number[] = [];
  const src: number[] = [];
  const dest: number[] = [];
  let c = n;
  let r = m;
  while (r > 0 && c > 0) {
    if (bitAt(vp, c, r)) {
      c--;
      types.push(OP_DELETE), src.push(c), dest.push(r);
      continue;
    }
    r--;
    if (r > 0 && bitAt(vn, c, r)) {
      types.push(OP_INSERT), src.push(c), dest.push(r);
      continue;
    }
    c--;
    if (a[a0 + c] !== b[b0 + r]) types.push(OP_REPLACE), src.push(c), dest.push(r);
  }
  while (c > 0) c--, types.push(OP_DELETE), src.push(c), dest.push(r);
  while (r > 0) r--, types.push(OP_INSERT), src.push(c), dest.push(r);

  for (let i = types.length - 1; i >= 0; i--) {
    out.type.push(types[i]);
    out.src.push(src[i] + a0);
    out.dest.push(dest[i] + b0);
  }
}
