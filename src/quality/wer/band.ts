import { backtrack } from './backtrack.js';
import type { EditOps } from './editops.js';

/*
 * Full alignment of one (sub)problem, with the backtrack rule of
 * rapidfuzz's `recover_alignment`: from the end, delete when the cell is
 * one more than its upper neighbour (D[c][r] = D[c-1][r] + 1); otherwise
 * step back one hypothesis token and insert when that column drops by one
 * there (D[c][r-1] = D[c-1][r-1] - 1); otherwise take the diagonal. The
 * order of these tests decides the S/D/I split between equal-cost paths.
 *
 * rapidfuzz records bit vectors in an Ukkonen band; here the band is the
 * set of diagonals k = c - r with |k| + |n - m - k| <= max. Every cell on
 * an optimal path, and every cell the rule compares it with, is exact in
 * that band (a cell outside reads as infinite), so the decisions equal a
 * full-matrix backtrack while memory stays (max + 1) per row.
 */

const INF = 0x3fffffff;
// Vertical difference D[c][r] - D[c-1][r], one byte per band cell.
const UP_PLUS = 1;
const UP_MINUS = 2;

interface Band {
  readonly kLo: number;
  readonly kHi: number;
  readonly start: Int32Array;
  readonly codes: Uint8Array;
}

function rowLo(r: number, kLo: number): number {
  return r + kLo > 0 ? r + kLo : 0;
}

function rowHi(r: number, kHi: number, n: number): number {
  return r + kHi < n ? r + kHi : n;
}

function layout(n: number, m: number, max: number): Band {
  const delta = n - m;
  const ad = delta < 0 ? -delta : delta;
  const slack = Math.floor((Math.max(max, ad) - ad) / 2);
  const kLo = Math.min(0, delta) - slack;
  const kHi = Math.max(0, delta) + slack;
  const start = new Int32Array(m + 2);
  for (let r = 0; r <= m; r++) {
    start[r + 1] = start[r] + rowHi(r, kHi, n) - rowLo(r, kLo) + 1;
  }
  return { kLo, kHi, start, codes: new Uint8Array(start[m + 1]) };
}

function fill(
  band: Band, a: Int32Array, a0: number, n: number,
  b: Int32Array, b0: number, m: number,
): void {
  const { kLo, kHi, start, codes } = band;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  const hi0 = rowHi(0, kHi, n);
  for (let c = 0; c <= hi0; c++) {
    prev[c] = c;
    if (c > 0) codes[start[0] + c] = UP_PLUS;
  }
  for (let r = 1; r <= m; r++) {
    const lo = rowLo(r, kLo);
    const hi = rowHi(r, kHi, n);
    const plo = rowLo(r - 1, kLo);
    const phi = rowHi(r - 1, kHi, n);
    const sym = b[b0 + r - 1];
    const base = start[r] - lo;
    for (let c = lo; c <= hi; c++) {
      let v = c === 0 ? r : INF;
      if (c <= phi && c >= plo && prev[c] + 1 < v) v = prev[c] + 1;
      const left = c > lo ? cur[c - 1] : INF;
      if (left + 1 < v) v = left + 1;
      if (c > 0 && c - 1 >= plo && c - 1 <= phi) {
        const diag = prev[c - 1] + (a[a0 + c - 1] === sym ? 0 : 1);
        if (diag < v) v = diag;
      }
      cur[c] = v;
      if (c > 0) {
        const up = v - left;
        codes[base + c] = up === 1 ? UP_PLUS : up === -1 ? UP_MINUS : 0;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
}

function code(band: Band, n: number, c: number, r: number): number {
  const lo = rowLo(r, band.kLo);
  if (c < lo || c > rowHi(r, band.kHi, n)) return 0;
  return band.codes[band.start[r] + c - lo];
}

/**
 * Appends the edit operations turning a[a0, a0 + n) into b[b0, b0 + m),
 * in order. `max` must be at least their distance.
 */
export function alignBanded(
  a: Int32Array, a0: number, n: number,
  b: Int32Array, b0: number, m: number,
  max: number, out: EditOps,
): void {
  const band = n > 0 && m > 0 ? layout(n, m, max) : undefined;
  if (band !== undefined) fill(band, a, a0, n, b, b0, m);

  const at = (c: number, r: number, want: number): boolean =>
    band !== undefined && code(band, n, c, r) === want;
  backtrack(a, a0, n, b, b0, m,
    (c, r) => at(c, r, UP_PLUS), (c, r) => at(c, r, UP_MINUS), out);
}
