import { alignBanded } from './band.js';
import { alignBitParallel } from './bitalign.js';
import { bagDistance, lastRowBand } from './bitband.js';
import { deltaMatrixBytes } from './bitrow.js';

/** Edit operation codes, as rapidfuzz's `EditType`. */
export const OP_REPLACE = 1;
export const OP_INSERT = 2;
export const OP_DELETE = 3;

/** Edit operations in order, as three parallel lists. */
export interface EditOps {
  readonly type: number[];
  readonly src: number[];
  readonly dest: number[];
}

/*
 * rapidfuzz's `levenshtein_align_hirschberg`, which decides which of the
 * equal-cost alignments jiwer reports: at every level the common prefix
 * and suffix are dropped; a problem whose banded bit matrix would take
 * 1 MiB or more (and is at least 65 × 10) is split at the middle
 * hypothesis token and at the first reference position where the two
 * half distances sum to the minimum; smaller ones are aligned directly.
 */
const SPLIT_BYTES = 1024 * 1024;

// A direct alignment reads the exact bit matrix when it stays this small
// (about 6× faster in bench/wer.mjs than the scalar band), else the band,
// whose memory is (distance + 1) bytes per hypothesis token.
const BIT_MATRIX_BYTES = 4 * 1024 * 1024;

function align(
  a: Int32Array, a0: number, a1: number,
  b: Int32Array, b0: number, b1: number,
  max: number, exact: boolean, out: EditOps,
): void {
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) a0++, b0++;
  while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) a1--, b1--;
  const n = a1 - a0;
  const m = b1 - b0;
  const bound = Math.min(max, Math.max(n, m));
  const fullBand = Math.min(n, 2 * bound + 1);
  const matrixBytes = Math.floor((2 * fullBand * m) / 8);
  if (matrixBytes < SPLIT_BYTES || n < 65 || m < 10) {
    if (n > 0 && m > 0 && deltaMatrixBytes(n, m) <= BIT_MATRIX_BYTES) {
      alignBitParallel(a, a0, n, b, b0, m, out, bound);
    } else {
      alignBanded(a, a0, n, b, b0, m, bound, out);
    }
    return;
  }

  const half = m >>> 1;
  const { left, right, mid } = split(a, a0, a1, b, b0, b1, exact, bound);
  const leftScore = left[mid];
  const rightScore = right[n - mid];
  align(a, a0, a0 + mid, b, b0, b0 + half, leftScore, true, out);
  align(a, a0 + mid, a1, b, b0 + half, b1, rightScore, true, out);
}

interface Split {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly mid: number;
}

/*
 * Both half rows, restricted to the diagonals an optimal path can use
 * (bitband.ts). Without the distance (only the whole input lacks it) the
 * band starts at twice the bag distance and doubles until the best sum
 * fits in it, which proves that the band held every optimal path.
 */
function split(
  a: Int32Array, a0: number, a1: number,
  b: Int32Array, b0: number, b1: number, exact: boolean, bound: number,
): Split {
  const n = a1 - a0;
  const m = b1 - b0;
  const half = m >>> 1;
  const pattern = a.subarray(a0, a1);
  const backPattern = reversed(a, a0, a1);
  const backText = reversed(b, b0 + half, b1);
  const guess = exact ? bound : Math.max(64, 2 * bagDistance(pattern, b.subarray(b0, b1)));
  let max = Math.min(bound, guess);
  for (;;) {
    const left = lastRowBand(pattern, b.subarray(b0, b0 + half), m, max);
    const right = lastRowBand(backPattern, backText, m, max);
    let best = Infinity;
    let mid = 1;
    // rapidfuzz starts the search at one reference token, and keeps the
    // first minimum.
    for (let i = 1; i <= n; i++) {
      const total = left[i] + right[n - i];
      if (total < best) {
        best = total;
        mid = i;
      }
    }
    if (best <= max || max >= bound) return { left, right, mid };
    max = Math.min(bound, 2 * max);
  }
}

function reversed(x: Int32Array, from: number, to: number): Int32Array {
  const out = new Int32Array(to - from);
  for (let i = 0; i < out.length; i++) out[i] = x[to - 1 - i];
  return out;
}

/** The edit operations turning `a` into `b`, as rapidfuzz returns them. */
export function editops(a: Int32Array, b: Int32Array): EditOps {
  const out: EditOps = { type: [], src: [], dest: [] };
  align(a, 0, a.length, b, 0, b.length, Math.max(a.length, b.length), false, out);
  return out;
}

/** The kind of one alignment chunk, as jiwer names it. @public */
export type ChunkType = 'equal' | 'substitute' | 'insert' | 'delete';

/**
 * A span of the reference aligned with a span of the hypothesis (jiwer's
 * `AlignmentChunk`). Indices are token positions, end exclusive.
 * @public
 */
export interface AlignmentChunk {
  /** What the chunk does: equal, substitute, insert or delete. */
  readonly type: ChunkType;
  /** First reference token of the chunk (0-based). */
  readonly refStartIdx: number;
  /** Reference token after the chunk (= start for an insertion). */
  readonly refEndIdx: number;
  /** First hypothesis token of the chunk (0-based). */
  readonly hypStartIdx: number;
  /** Hypothesis token after the chunk (= start for a deletion). */
  readonly hypEndIdx: number;
}

const NAMES: Record<number, ChunkType> = {
  [OP_REPLACE]: 'substitute',
  [OP_INSERT]: 'insert',
  [OP_DELETE]: 'delete',
};

function chunk(type: ChunkType, r0: number, r1: number, h0: number, h1: number): AlignmentChunk {
  return { type, refStartIdx: r0, refEndIdx: r1, hypStartIdx: h0, hypEndIdx: h1 };
}

/**
 * Groups edit operations into chunks the way rapidfuzz's `as_opcodes`
 * does: runs of one kind at consecutive positions merge, and the gaps
 * between them (and after the last) are `equal` chunks.
 */
export function toChunks(ops: EditOps, srcLen: number, destLen: number): AlignmentChunk[] {
  const out: AlignmentChunk[] = [];
  let s = 0;
  let d = 0;
  let i = 0;
  while (i < ops.type.length) {
    if (s < ops.src[i] || d < ops.dest[i]) {
      out.push(chunk('equal', s, ops.src[i], d, ops.dest[i]));
      s = ops.src[i];
      d = ops.dest[i];
    }
    const type = ops.type[i];
    const s0 = s;
    const d0 = d;
    do {
      if (type !== OP_INSERT) s++;
      if (type !== OP_DELETE) d++;
      i++;
    } while (i < ops.type.length && ops.type[i] === type && ops.src[i] === s && ops.dest[i] === d);
    out.push(chunk(NAMES[type], s0, s, d0, d));
  }
  if (s < srcLen || d < destLen) out.push(chunk('equal', s, srcLen, d, destLen));
  return out;
}
