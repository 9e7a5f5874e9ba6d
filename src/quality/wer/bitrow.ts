/*
 * One row of the Levenshtein matrix by Hyyrö's bit-parallel algorithm in
 * 32-bit blocks (rapidfuzz uses 64-bit words; the values are the same).
 * Used to find the Hirschberg split: O(n·m / 32) time, O(n) memory.
 */

/** Per-symbol match masks of a pattern, in 32-bit blocks. */
export interface PatternMasks {
  readonly lookup: (symbol: number) => number;
  readonly first: Int32Array; // per local symbol, its first entry
  readonly block: Int32Array; // entry → block index, ascending per symbol
  readonly mask: Int32Array; // entry → bits set in that block
}

interface LocalIds {
  readonly ids: Int32Array;
  readonly lookup: (s: number) => number;
  readonly count: number;
}

function localIds(pattern: Int32Array): LocalIds {
  const ids = new Int32Array(pattern.length);
  const map = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) {
    let id = map.get(pattern[i]);
    if (id === undefined) {
      id = map.size;
      map.set(pattern[i], id);
    }
    ids[i] = id;
  }
  return { ids, lookup: (s) => map.get(s) ?? -1, count: map.size };
}

/** Sparse match masks: one entry per (symbol, block) that occurs. */
export function buildMasks(pattern: Int32Array): PatternMasks {
  const { ids, lookup, count } = localIds(pattern);
  const lastBlock = new Int32Array(count).fill(-1);
  const first = new Int32Array(count + 1);
  for (let i = 0; i < ids.length; i++) {
    const w = i >>> 5;
    if (lastBlock[ids[i]] !== w) {
      lastBlock[ids[i]] = w;
      first[ids[i] + 1]++;
    }
  }
  for (let s = 0; s < count; s++) first[s + 1] += first[s];

  const fillAt = first.slice(0, count);
  const block = new Int32Array(first[count]);
  const mask = new Int32Array(first[count]);
  lastBlock.fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i];
    const w = i >>> 5;
    if (lastBlock[s] !== w) {
      lastBlock[s] = w;
      block[fillAt[s]++] = w;
    }
    mask[fillAt[s] - 1] |= 1 << (i & 31);
  }
  return { lookup, first, block, mask };
}

/**
 * Advances the vertical delta vectors by one text symbol (`s` is its
 * local id, -1 when absent from the pattern).
 */
function advance(pm: PatternMasks, s: number, vp: Int32Array, vn: Int32Array): void {
  let p = s >= 0 ? pm.first[s] : 0;
  const end = s >= 0 ? pm.first[s + 1] : 0;
  let hpCarry = 1;
  let hnCarry = 0;
  for (let w = 0; w < vp.length; w++) {
    let eq = 0;
    if (p < end && pm.block[p] === w) eq = pm.mask[p++];
    const VP = vp[w];
    const VN = vn[w];
    // Hyyrö's step; the block's incoming negative carry joins the match
    // vector, which stands in for the addition carry between blocks.
    const X = eq | hnCarry;
    const D0 = ((((X & VP) + VP) | 0) ^ VP) | X | VN;
    let HP = VN | ~(D0 | VP);
    let HN = D0 & VP;
    const hpOut = HP >>> 31;
    const hnOut = HN >>> 31;
    HP = (HP << 1) | hpCarry;
    HN = (HN << 1) | hnCarry;
    vp[w] = HN | ~(D0 | HP);
    vn[w] = HP & D0;
    hpCarry = hpOut;
    hnCarry = hnOut;
  }
}

/**
 * D(pattern[0, c), text) for every c in [0, pattern.length], where both
 * are given as symbol arrays. The result has pattern.length + 1 entries.
 */
export function lastRow(pattern: Int32Array, text: Int32Array): Int32Array {
  const n = pattern.length;
  const words = (n + 31) >>> 5;
  const row = new Int32Array(n + 1);
  row[0] = text.length;
  if (n === 0) return row;

  const pm = buildMasks(pattern);
  const vp = new Int32Array(words).fill(-1);
  const vn = new Int32Array(words);
  for (let t = 0; t < text.length; t++) advance(pm, pm.lookup(text[t]), vp, vn);

  for (let c = 1; c <= n; c++) {
    const w = (c - 1) >>> 5;
    const bit = 1 << ((c - 1) & 31);
    row[c] = row[c - 1] + ((vp[w] & bit) !== 0 ? 1 : 0) - ((vn[w] & bit) !== 0 ? 1 : 0);
  }
  return row;
}

/** Every row's vertical deltas: bit c-1 of row r is D[c][r] - D[c-1][r]. */
export interface DeltaMatrix {
  readonly words: number;
  readonly vp: Int32Array; // row r - 1 at [(r - 1) * words, r * words)
  readonly vn: Int32Array;
}

/** Bytes {@link deltaMatrix} takes for an n × m problem. */
export function deltaMatrixBytes(n: number, m: number): number {
  return ((n + 31) >>> 5) * m * 8;
}

/** The full matrix of vertical deltas, two bits per cell. */
export function deltaMatrix(pattern: Int32Array, text: Int32Array): DeltaMatrix {
  const words = (pattern.length + 31) >>> 5;
  const pm = buildMasks(pattern);
  const vp = new Int32Array(words).fill(-1);
  const vn = new Int32Array(words);
  const allVp = new Int32Array(words * text.length);
  const allVn = new Int32Array(words * text.length);
  for (let t = 0; t < text.length; t++) {
    advance(pm, pm.lookup(text[t]), vp, vn);
    allVp.set(vp, t * words);
    allVn.set(vn, t * words);
  }
  return { words, vp: allVp, vn: allVn };
}
