import { OP_DELETE, OP_INSERT, OP_REPLACE, type EditOps } from './editops.js';

/**
 * The backtrack both direct aligners share (band.ts, bitalign.ts), in
 * rapidfuzz's `recover_alignment` order: from the end, a deletion where
 * `deleted(c, r)`; otherwise step back one hypothesis token and insert
 * where `inserted(c, r)`; otherwise the diagonal, a replacement when the
 * tokens differ. What the matrix reads as is the caller's; this order
 * decides the S/D/I split between equal-cost paths. Appends the
 * operations to `out` in forward order.
 */
export function backtrack(
  a: Int32Array, a0: number, n: number,
  b: Int32Array, b0: number, m: number,
  deleted: (c: number, r: number) => boolean,
  inserted: (c: number, r: number) => boolean,
  out: EditOps,
): void {
  const types: number[] = [];
  const src: number[] = [];
  const dest: number[] = [];
  let c = n;
  let r = m;
  while (r > 0 && c > 0) {
    if (deleted(c, r)) {
      c--;
      types.push(OP_DELETE), src.push(c), dest.push(r);
      continue;
    }
    r--;
    if (r > 0 && inserted(c, r)) {
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
