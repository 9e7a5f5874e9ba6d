/**
 * Translation edit rate of one hypothesis against one reference, as
 * sacreBLEU's `lib_ter.py` computes it (Tercom's greedy shifts over a
 * beam-limited Levenshtein distance, with Tercom's shift ranking and
 * limits). sacreBLEU caches matrix rows between shift candidates; the
 * rows only depend on the hypothesis prefix, so recomputing them gives
 * the same numbers.
 */

const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DIST = 50;
const BEAM_WIDTH = 25;
const MAX_SHIFT_CANDIDATES = 1000;
const INFINITY = 1e16;

const NOP = 0;
const SUB = 1;
const INS = 2;
const DEL = 3;

interface Distance {
  cost: number;
  /** Operations rewriting the reference into the hypothesis, in order. */
  trace: number[];
}

/** Beam-limited edit distance with Tercom's operation preferences. */
function editDistance(
  hyp: readonly string[],
  ref: readonly string[],
): Distance {
  const nh = hyp.length;
  const nr = ref.length;
  const width = nr + 1;
  const cost = new Float64Array((nh + 1) * width).fill(INFINITY);
  const op = new Uint8Array((nh + 1) * width);
  for (let j = 0; j <= nr; j += 1) {
    cost[j] = j;
    op[j] = INS;
  }

  const ratio = nh > 0 ? nr / nh : 1;
  // Very unequal lengths widen the beam so that rows still overlap.
  const beam = BEAM_WIDTH < ratio / 2
    ? Math.ceil(ratio / 2 + BEAM_WIDTH)
    : BEAM_WIDTH;
  for (let i = 1; i <= nh; i += 1) {
    const diagonal = Math.floor(i * ratio);
    const minJ = Math.max(0, diagonal - beam);
    const maxJ = i === nh ? nr + 1 : Math.min(nr + 1, diagonal + beam);
    const row = i * width;
    const up = row - width;
    for (let j = minJ; j < maxJ; j += 1) {
      if (j === 0) {
        cost[row] = cost[up]! + 1;
        op[row] = DEL;
        continue;
      }
      const same = hyp[i - 1] === ref[j - 1];
      // Preference on ties: diagonal, then deletion, then insertion.
      const options: Array<[number, number]> = [
        [cost[up + j - 1]! + (same ? 0 : 1), same ? NOP : SUB],
        [cost[up + j]! + 1, DEL],
        [cost[row + j - 1]! + 1, INS],
      ];
      for (const [c, o] of options) {
        if (cost[row + j]! > c) {
          cost[row + j] = c;
          op[row + j] = o;
        }
      }
    }
  }

  const trace: number[] = [];
  let i = nh;
  let j = nr;
  while (i > 0 || j > 0) {
    const o = op[i * width + j]!;
    trace.push(o);
    if (o === NOP || o === SUB) {
      i -= 1;
      j -= 1;
    } else if (o === INS) {
      j -= 1;
    } else {
      i -= 1;
    }
  }
  trace.reverse();
  return { cost: cost[nh * width + nr]!, trace };
}

interface Alignment {
  /** Reference position → hypothesis position (-1 before the first). */
  align: Int32Array;
  refErr: number[];
  hypErr: number[];
}

// The trace rewrites the hypothesis into the reference; sacreBLEU reads
// it the other way round, so insertions and deletions swap roles.
function alignmentOf(trace: readonly number[], nr: number): Alignment {
  const align = new Int32Array(nr);
  const refErr: number[] = [];
  const hypErr: number[] = [];
  let h = -1;
  let r = -1;
  for (const o of trace) {
    if (o === NOP || o === SUB) {
      h += 1;
      r += 1;
      align[r] = h;
      const err = o === SUB ? 1 : 0;
      hypErr.push(err);
      refErr.push(err);
    } else if (o === DEL) {
      h += 1;
      hypErr.push(1);
    } else {
      r += 1;
      align[r] = h;
      refErr.push(1);
    }
  }
  return { align, refErr, hypErr };
}

function sum(values: readonly number[], start: number, length: number): number {
  let total = 0;
  const end = Math.min(values.length, start + length);
  for (let k = start; k < end; k += 1) total += values[k]!;
  return total;
}

function performShift(
  words: readonly string[], start: number, length: number, target: number,
): string[] {
  const moved = words.slice(start, start + length);
  if (target < start) {
    return [...words.slice(0, target), ...moved, ...words.slice(target, start),
      ...words.slice(start + length)];
  }
  if (target > start + length) {
    return [...words.slice(0, start), ...words.slice(start + length, target),
      ...moved, ...words.slice(target)];
  }
  return [...words.slice(0, start),
    ...words.slice(start + length, length + target),
    ...moved, ...words.slice(length + target)];
}

interface Candidate {
  key: [number, number, number, number];
  words: string[];
}

function better(a: Candidate['key'], b: Candidate['key']): boolean {
  for (let k = 0; k < a.length; k += 1) {
    if (a[k] !== b[k]) return a[k]! > b[k]!;
  }
  return false;
}

interface ShiftResult {
  delta: number;
  words: string[];
  checked: number;
}

/** The best single shift of `hyp` (Tercom's ranking), or none. */
function bestShift(
  hyp: string[],
  ref: readonly string[],
  checkedBefore: number,
): ShiftResult {
  const base = editDistance(hyp, ref);
  const { align, refErr, hypErr } = alignmentOf(base.trace, ref.length);
  let checked = checkedBefore;
  let best: Candidate | undefined;

  const consider = (startH: number, startR: number, length: number): void => {
    // Shift only words that are wrong onto places that are wrong.
    if (sum(hypErr, startH, length) === 0) return;
    if (sum(refErr, startR, length) === 0) return;
    if (startH <= align[startR]! && align[startR]! < startH + length) return;
    let prevIdx = -1;
    for (let offset = -1; offset < length; offset += 1) {
      let idx: number;
      if (startR + offset === -1) idx = 0;
      else if (startR + offset < ref.length) idx = align[startR + offset]! + 1;
      else break;
      if (idx === prevIdx) continue;
      prevIdx = idx;
      const words = performShift(hyp, startH, length, idx);
      const key: Candidate['key'] = [
        base.cost - editDistance(words, ref).cost, length, -startH, -idx,
      ];
      checked += 1;
      if (best === undefined || better(key, best.key)) best = { key, words };
    }
  };

  search: for (let startH = 0; startH < hyp.length; startH += 1) {
    for (let startR = 0; startR < ref.length; startR += 1) {
      if (Math.abs(startR - startH) > MAX_SHIFT_DIST) continue;
      let length = 0;
      while (
        hyp[startH + length] === ref[startR + length] &&
        length < MAX_SHIFT_SIZE
      ) {
        length += 1;
        consider(startH, startR, length);
        if (checked >= MAX_SHIFT_CANDIDATES) break search;
        const end = hyp.length === startH + length ||
          ref.length === startR + length;
        if (end) break;
      }
    }
  }

  if (best === undefined) return { delta: 0, words: hyp, checked };
  return { delta: best.key[0], words: best.words, checked };
}

/** Edits (shifts + edit distance) and reference length, as sacreBLEU. */
export function translationEditRate(
  hyp: string[],
  ref: readonly string[],
): [edits: number, refLength: number] {
  if (ref.length === 0) return [hyp.length, 0];
  let words = hyp;
  let shifts = 0;
  let checked = 0;
  for (;;) {
    const step = bestShift(words, ref, checked);
    checked = step.checked;
    if (checked >= MAX_SHIFT_CANDIDATES || step.delta <= 0) break;
    shifts += 1;
    words = step.words;
  }
  return [shifts + editDistance(words, ref).cost, ref.length];
}
