import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignBanded } from '../../src/quality/wer/band.js';
import { alignBitParallel } from '../../src/quality/wer/bitalign.js';
import { lastRowBand } from '../../src/quality/wer/bitband.js';
import {
  editops, OP_DELETE, OP_INSERT, type EditOps,
} from '../../src/quality/wer/editops.js';
import { lastRow } from '../../src/quality/wer/bitrow.js';

/** Every column minimising left + right, and the sums there. */
function minima(left: Int32Array, right: Int32Array): [number[], number] {
  const n = left.length - 1;
  let best = Infinity;
  let at: number[] = [];
  for (let i = 0; i <= n; i++) {
    const total = left[i] + right[n - i];
    if (total < best) (best = total), (at = [i]);
    else if (total === best) at.push(i);
  }
  return [at, best];
}

// Few symbols make many equal-cost alignments, so ties are common.
const seq = (max: number) =>
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: max, size: 'max' });

// A copy with a few edits, so the band is narrow and blocks leave it.
const edit = fc.array(fc.tuple(fc.nat(3), fc.nat(), fc.integer({ min: 0, max: 3 })), {
  maxLength: 12,
});
function mutate(x: number[], edits: [number, number, number][]): number[] {
  const y = x.slice();
  for (const [kind, at, sym] of edits) {
    const i = at % (y.length + 1);
    if (kind === 0) y.splice(i, 0, sym);
    else if (kind === 1 && i < y.length) y.splice(i, 1);
    else if (i < y.length) y[i] = sym;
  }
  return y.length > 0 ? y : [0];
}

const near = fc.tuple(seq(400), edit).map(([x, e]) => [x, mutate(x, e)] as const);
const pairs = fc.oneof(fc.tuple(seq(300), seq(300)), near, near);

describe('lastRowBand', () => {
  it('finds the same split columns and values as the full rows', () => {
    fc.assert(fc.property(pairs, fc.nat(40), ([x, y], extra) => {
      const a = Int32Array.from(x);
      const b = Int32Array.from(y);
      const n = a.length;
      const m = b.length;
      const dist = lastRow(a, b)[n];
      const max = dist + extra;
      const half = m >>> 1;
      const ra = a.slice().reverse();
      const rb = b.subarray(half).slice().reverse();
      const full = minima(lastRow(a, b.subarray(0, half)), lastRow(ra, rb));
      const left = lastRowBand(a, b.subarray(0, half), m, max);
      const banded = minima(left, lastRowBand(ra, rb, m, max));
      expect(banded).toEqual(full);
      expect(full[1]).toBe(dist);
      const exact = lastRow(a, b.subarray(0, half));
      for (let c = 0; c <= n; c++) expect(left[c]).toBeGreaterThanOrEqual(exact[c]);
    }), { numRuns: 400 });
  });
});

describe('the banded delta matrix', () => {
  it('backtracks the same path as the full scalar matrix', () => {
    fc.assert(fc.property(pairs, fc.nat(40), ([x, y], extra) => {
      const a = Int32Array.from(x);
      const b = Int32Array.from(y);
      const n = a.length;
      const m = b.length;
      const max = lastRow(a, b)[n] + extra;
      const full: EditOps = { type: [], src: [], dest: [] };
      const bits: EditOps = { type: [], src: [], dest: [] };
      alignBanded(a, 0, n, b, 0, m, Math.max(n, m), full);
      alignBitParallel(a, 0, n, b, 0, m, bits, max);
      expect(bits).toEqual(full);
    }), { numRuns: 300 });
  });
});

describe('the split band', () => {
  it('widens until it holds the distance (bag distance far below it)', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 50);
    // Swapped halves: bag distance 0, and every optimal path runs 700
    // diagonals away from the main one.
    const x = Array.from({ length: 700 }, rand);
    const y = Array.from({ length: 1900 }, rand);
    const a = Int32Array.from([...x, ...y]);
    const b = Int32Array.from([...y, ...x]);
    const ops = editops(a, b);
    expect(ops.type.length).toBe(lastRow(a, b)[a.length]);
    const out: number[] = [];
    let s = 0;
    for (let i = 0; i < ops.type.length; i++) {
      while (s < ops.src[i]) out.push(a[s++]);
      if (ops.type[i] === OP_DELETE) s++;
      else if (ops.type[i] === OP_INSERT) out.push(b[ops.dest[i]]);
      else (out.push(b[ops.dest[i]]), s++);
    }
    while (s < a.length) out.push(a[s++]);
    expect(out).toEqual(Array.from(b));
  });
});
