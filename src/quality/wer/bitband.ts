import { buildMasks } from './bitrow.js';

/*
 * lastRow restricted to the Ukkonen band, as rapidfuzz computes the rows
 * of its Hirschberg split. Only the 32-bit blocks that hold a cell with
 * kLo <= c - r <= kHi are advanced; the first one takes a +1 carry from
 * its left (the column outside grows by one per row) and a block that
 * enters the band starts as +1 per column from its left neighbour. Both
 * only ever overestimate, so every value is at least the true distance,
 * and a cell on an optimal path of the whole problem (which lies in the
 * band when max >= distance) keeps its exact value: the first column
 * minimising left + right, which is all the split needs, is unchanged.
 */

/** Filler for the columns outside the band: never a minimum. */
export const OUTSIDE = 0x3fffffff;

/** The bit vectors and block range after the last row. */
interface BandState {
  readonly vp: Int32Array;
  readonly vn: Int32Array;
  readonly score: Int32Array; // D at the last column of each block
  readonly first: number;
  readonly last: number;
}

/** Sees blocks [first, last] of row r (1-based) once computed. */
type RowHook = (r: number, first: number, last: number, vp: Int32Array, vn: Int32Array) => void;

/**
 * Runs the banded rows of pattern (n >= 1 symbols) against `text`, the
 * first part of a text of `total` symbols whose distance to the pattern
 * is at most `max`.
 */
function runBand(
  pattern: Int32Array, text: Int32Array, total: number, max: number, hook?: RowHook,
): BandState {
  const n = pattern.length;
  const words = (n + 31) >>> 5;
  const lastBit = (n - 1) & 31;
  const pm = buildMasks(pattern);
  const cursor = pm.first.slice(0, pm.first.length - 1);
  const vp = new Int32Array(words).fill(-1);
  const vn = new Int32Array(words);
  // D at the last column of each block, in the row last advanced.
  const score = new Int32Array(words);
  for (let w = 0; w < words; w++) score[w] = Math.min(32 * (w + 1), n);
  // The band |k| + |delta - k| <= max of diagonals k = c - r; it narrows
  // as the rows computed give a smaller upper bound of the distance.
  const delta = n - total;
  const ad = delta < 0 ? -delta : delta;
  let kLo = 0;
  let kHi = 0;
  const narrow = (bound: number): void => {
    max = bound;
    const slack = Math.floor((Math.max(max, ad) - ad) / 2);
    kLo = Math.min(0, delta) - slack;
    kHi = Math.max(0, delta) + slack;
  };
  narrow(Math.min(max, Math.max(n, total)));
  let first = 0;
  let last = (Math.max(1, Math.min(n, kHi)) - 1) >>> 5;

  for (let t = 0; t < text.length; t++) {
    const r = t + 1;
    const cHi = Math.min(n, r + kHi);
    const newLast = (cHi - 1) >>> 5;
    for (let w = last + 1; w <= newLast; w++) {
      vp[w] = -1;
      vn[w] = 0;
      score[w] = score[w - 1] + Math.min(32 * (w + 1), n) - 32 * w;
    }
    last = newLast;
    const cLo = Math.max(1, r + kLo);
    const newFirst = (cLo - 1) >>> 5;
    if (newFirst > first) first = newFirst;

    const s = pm.lookup(text[t]);
    let p = 0;
    let end = 0;
    if (s >= 0) {
      // The band only moves right: each symbol's cursor skips the blocks
      // left behind once, not on every row.
      p = cursor[s];
      end = pm.first[s + 1];
      while (p < end && pm.block[p] < first) p++;
      cursor[s] = p;
    }
    let hpCarry = 1;
    let hnCarry = 0;
    // D' >= D at the end of a block, plus the edits that finish from
    // there, bounds the distance; the best block narrows the band.
    let bound = max;
    for (let w = first; w <= last; w++) {
      let eq = 0;
      if (p < end && pm.block[p] === w) eq = pm.mask[p++];
      const VP = vp[w];
      const VN = vn[w];
      const X = eq | hnCarry;
      const D0 = ((((X & VP) + VP) | 0) ^ VP) | X | VN;
      let HP = VN | ~(D0 | VP);
      let HN = D0 & VP;
      const top = w === words - 1 ? lastBit : 31;
      score[w] += ((HP >>> top) & 1) - ((HN >>> top) & 1);
      const rest = Math.max(n - 32 * w - top - 1, total - r);
      if (score[w] + rest < bound) bound = score[w] + rest;
      const hpOut = HP >>> 31;
      const hnOut = HN >>> 31;
      HP = (HP << 1) | hpCarry;
      HN = (HN << 1) | hnCarry;
      vp[w] = HN | ~(D0 | HP);
      vn[w] = HP & D0;
      hpCarry = hpOut;
      hnCarry = hnOut;
    }
    if (hook !== undefined) hook(r, first, last, vp, vn);
    if (bound < max) narrow(bound);
  }

  return { vp, vn, score, first, last };
}

/**
 * D(pattern[0, c), text) where `text` is the first part of a text of
 * `total` symbols whose distance to the pattern is at most `max`: exact
 * on every cell of an optimal path of the whole problem, an upper bound
 * on the other cells of the blocks computed, OUTSIDE elsewhere.
 */
export function lastRowBand(
  pattern: Int32Array, text: Int32Array, total: number, max: number,
): Int32Array {
  const n = pattern.length;
  const row = new Int32Array(n + 1).fill(OUTSIDE);
  row[0] = text.length;
  if (n === 0) return row;
  const { vp, vn, score, first, last } = runBand(pattern, text, total, max);
  for (let w = first; w <= last; w++) {
    const c0 = 32 * w;
    const c1 = Math.min(c0 + 32, n);
    let value = score[w];
    for (let c = c0 + 1; c <= c1; c++) {
      const bit = 1 << ((c - 1) & 31);
      value -= ((vp[w] & bit) !== 0 ? 1 : 0) - ((vn[w] & bit) !== 0 ? 1 : 0);
    }
    for (let c = c0 + 1; c <= c1; c++) {
      const bit = 1 << ((c - 1) & 31);
      value += ((vp[w] & bit) !== 0 ? 1 : 0) - ((vn[w] & bit) !== 0 ? 1 : 0);
      row[c] = value;
    }
  }
  return row;
}

/** A lower bound of the Levenshtein distance: what the multisets miss. */
export function bagDistance(x: Int32Array, y: Int32Array): number {
  const count = new Map<number, number>();
  for (let i = 0; i < x.length; i++) count.set(x[i], (count.get(x[i]) ?? 0) + 1);
  let common = 0;
  for (let i = 0; i < y.length; i++) {
    const k = count.get(y[i]);
    if (k !== undefined && k > 0) common++, count.set(y[i], k - 1);
  }
  return Math.max(x.length, y.length) - common;
}

/**
 * The vertical deltas of every row inside the band (see bitrow.ts's
 * DeltaMatrix): row r - 1 holds blocks first[r - 1] onward, its words at
 * [offset[r - 1], offset[r]). Cells outside read as zero deltas.
 */
export interface BandMatrix {
  readonly first: Int32Array;
  readonly offset: Int32Array;
  readonly vp: Int32Array;
  readonly vn: Int32Array;
}

/** The banded delta matrix of pattern (n >= 1) against the whole text. */
export function deltaMatrixBand(pattern: Int32Array, text: Int32Array, max: number): BandMatrix {
  const m = text.length;
  const first = new Int32Array(m);
  const offset = new Int32Array(m + 1);
  let vps: Int32Array = new Int32Array(Math.max(64, m * 4));
  let vns: Int32Array = new Int32Array(vps.length);
  runBand(pattern, text, m, max, (r, lo, hi, vp, vn) => {
    const at = offset[r - 1];
    const end = at + hi - lo + 1;
    if (end > vps.length) {
      const size = Math.max(end, 2 * vps.length);
      const grow = (x: Int32Array): Int32Array => {
        const y = new Int32Array(size);
        y.set(x);
        return y;
      };
      vps = grow(vps);
      vns = grow(vns);
    }
    vps.set(vp.subarray(lo, hi + 1), at);
    vns.set(vn.subarray(lo, hi + 1), at);
    first[r - 1] = lo;
    offset[r] = end;
  });
  return { first, offset, vp: vps, vn: vns };
}
