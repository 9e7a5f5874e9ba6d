import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignBanded } from '../../src/quality/wer/band.js';
import { alignBitParallel } from '../../src/quality/wer/bitalign.js';
import { lastRow } from '../../src/quality/wer/bitrow.js';
import {
  editops, OP_DELETE, OP_INSERT, OP_REPLACE, type EditOps,
} from '../../src/quality/wer/editops.js';
import { processCharacters, processWords } from '../../src/quality/wer/index.js';

/** The textbook full matrix, D[c][r] over a[0, c) and b[0, r). */
function matrix(a: number[], b: number[]): number[][] {
  const d = Array.from({ length: a.length + 1 }, (_, c) =>
    Array.from({ length: b.length + 1 }, (_, r) => (c === 0 ? r : r === 0 ? c : 0)));
  for (let c = 1; c <= a.length; c++) {
    for (let r = 1; r <= b.length; r++) {
      d[c][r] = Math.min(d[c - 1][r] + 1, d[c][r - 1] + 1,
        d[c - 1][r - 1] + (a[c - 1] === b[r - 1] ? 0 : 1));
    }
  }
  return d;
}

/**
 * rapidfuzz's rule written the slow, obvious way: drop the common affix,
 * full matrix, backtrack preferring delete, then insert, then diagonal.
 */
function referenceOps(a: number[], b: number[]): number[][] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p &&
    a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const x = a.slice(p, a.length - s);
  const y = b.slice(p, b.length - s);
  const d = matrix(x, y);
  const ops: number[][] = [];
  let c = x.length;
  let r = y.length;
  while (c > 0 && r > 0) {
    if (d[c][r] === d[c - 1][r] + 1) {
      c--;
      ops.push([OP_DELETE, c + p, r + p]);
    } else {
      r--;
      if (r > 0 && d[c][r] === d[c - 1][r] - 1) ops.push([OP_INSERT, c + p, r + p]);
      else {
        c--;
        if (x[c] !== y[r]) ops.push([OP_REPLACE, c + p, r + p]);
      }
    }
  }
  while (c > 0) c--, ops.push([OP_DELETE, c + p, r + p]);
  while (r > 0) r--, ops.push([OP_INSERT, c + p, r + p]);
  return ops.reverse();
}

function triples(ops: EditOps): number[][] {
  return ops.type.map((t, i) => [t, ops.src[i], ops.dest[i]]);
}

/** Applies the operations to `a` and returns the result. */
function apply(a: Int32Array, b: Int32Array, ops: EditOps): number[] {
  const out: number[] = [];
  let s = 0;
  for (let i = 0; i < ops.type.length; i++) {
    while (s < ops.src[i]) out.push(a[s++]);
    if (ops.type[i] === OP_INSERT) out.push(b[ops.dest[i]]);
    else if (ops.type[i] === OP_REPLACE) out.push(b[ops.dest[i]]), s++;
    else s++;
  }
  while (s < a.length) out.push(a[s++]);
  return out;
}

const small = (max: number) => fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: max });

describe('alignment core', () => {
  it('equals the brute-force rule and distance on small inputs', () => {
    fc.assert(fc.property(small(40), small(40), (a, b) => {
      const ops = editops(Int32Array.from(a), Int32Array.from(b));
      expect(ops.type.length).toBe(matrix(a, b)[a.length][b.length]);
      expect(triples(ops)).toEqual(referenceOps(a, b));
    }), { numRuns: 400 });
  });

  it('keeps the same path when the band is narrowed to the distance', () => {
    fc.assert(fc.property(small(120), small(120), (a, b) => {
      const x = Int32Array.from(a);
      const y = Int32Array.from(b);
      const dist = matrix(a, b)[a.length][b.length];
      const wide: EditOps = { type: [], src: [], dest: [] };
      const narrow: EditOps = { type: [], src: [], dest: [] };
      alignBanded(x, 0, x.length, y, 0, y.length, Math.max(x.length, y.length), wide);
      alignBanded(x, 0, x.length, y, 0, y.length, dist, narrow);
      expect(triples(narrow)).toEqual(triples(wide));
      expect(narrow.type.length).toBe(dist);
    }), { numRuns: 150 });
  });

  it('reads the same path from the bit-parallel matrix as from the band', () => {
    fc.assert(fc.property(small(150), small(150), (a, b) => {
      fc.pre(a.length > 0 && b.length > 0);
      const x = Int32Array.from(a);
      const y = Int32Array.from(b);
      const band: EditOps = { type: [], src: [], dest: [] };
      const bits: EditOps = { type: [], src: [], dest: [] };
      alignBanded(x, 0, x.length, y, 0, y.length, Math.max(x.length, y.length), band);
      alignBitParallel(x, 0, x.length, y, 0, y.length, bits);
      expect(triples(bits)).toEqual(triples(band));
    }), { numRuns: 150 });
  });

  it('computes bit-parallel rows equal to the full matrix (several blocks)', () => {
    fc.assert(fc.property(small(150), small(60), (a, b) => {
      const d = matrix(a, b);
      const row = lastRow(Int32Array.from(a), Int32Array.from(b));
      expect(Array.from(row)).toEqual(d.map((col) => col[b.length]));
    }), { numRuns: 200 });
  });

  it('splits long inputs (Hirschberg) into a minimal, valid alignment', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 50);
    const a = Int32Array.from({ length: 2300 }, rand);
    const b = a.map((v) => (rand() < 5 ? rand() : v)).filter(() => rand() > 2);
    const ops = editops(a, b);
    expect(ops.type.length).toBe(lastRow(a, b)[a.length]);
    expect(apply(a, b, ops)).toEqual(Array.from(b));
  });
});

describe('counts are consistent', () => {
  const words = fc.array(fc.constantFrom('a', 'b', 'c', 'dé', '😀'), { maxLength: 30 });
  it('H+S+D = N_ref, H+S+I = N_hyp, wer = (S+D+I)/N_ref', () => {
    fc.assert(fc.property(words, words, (r, h) => {
      const out = processWords(r.join(' '), h.join(' '));
      expect(out.hits + out.substitutions + out.deletions).toBe(r.length);
      expect(out.hits + out.substitutions + out.insertions).toBe(h.length);
      const errors = out.substitutions + out.deletions + out.insertions;
      expect(out.wer).toBe(r.length === 0 ? out.insertions : errors / r.length);
      expect(errors).toBe(matrix(
        r.map((w) => w.codePointAt(0)!), h.map((w) => w.codePointAt(0)!),
      )[r.length][h.length]);
    }), { numRuns: 300 });
  });

  it('counts characters as code points, like Python', () => {
    const out = processCharacters('a😀b', 'a😀c');
    expect(out.hits + out.substitutions + out.deletions).toBe(3);
    expect(out.cer).toBe(1 / 3);
  });
});
