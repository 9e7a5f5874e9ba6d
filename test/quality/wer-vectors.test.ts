import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cer, mer, processCharacters, processWords, visualizeAlignment,
  visualizeErrorCounts, wer, werContiguous, wil, wip,
  type AlignmentChunk, type CharacterOutput, type WordOutput,
} from '../../src/quality/wer/index.js';
import { QualityInputError } from '../../src/quality/errors.js';

// The visible jiwer 4.0.0 vectors, read from the shared folder.
const file = fileURLToPath(
  new URL('../../../shared/reference-vectors/jiwer-test-vectors.json', import.meta.url),
);
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const vectors = JSON.parse(readFileSync(file, 'utf8')) as Json;
const sections = vectors.sections as Record<string, Json>;

function chunks(out: { alignments: AlignmentChunk[][] }): unknown[] {
  return out.alignments.map((s) =>
    s.map((c) => [c.type, c.refStartIdx, c.refEndIdx, c.hypStartIdx, c.hypEndIdx]),
  );
}

function expectComputed(out: WordOutput | CharacterOutput, computed: Json): void {
  for (const key of ['wer', 'mer', 'wil', 'wip', 'cer', 'hits', 'substitutions',
    'deletions', 'insertions']) {
    if (key in computed) expect((out as unknown as Json)[key], key).toBe(computed[key]);
  }
  if ('alignments' in computed) expect(chunks(out)).toEqual(computed.alignments);
}

function expectClose(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);
}

describe('jiwer vectors: word measures', () => {
  for (const name of ['measures_default_transform', 'measures_contiguous_transform']) {
    const section = sections[name];
    const options = name.includes('contiguous') ? { transform: werContiguous } : {};
    section.cases.forEach((c: Json, i: number) => {
      it(`${name} #${i}`, () => {
        const out = processWords(c.reference, c.hypothesis, options);
        for (const [k, v] of Object.entries(c.expected as Record<string, number>)) {
          expectClose((out as unknown as Json)[k], v, section.tolerance);
        }
        expectComputed(out, c.computed);
        expect(wer(c.reference, c.hypothesis, options)).toBe(out.wer);
        expect(mer(c.reference, c.hypothesis, options)).toBe(out.mer);
        expect(wil(c.reference, c.hypothesis, options)).toBe(out.wil);
        expect(wip(c.reference, c.hypothesis, options)).toBe(out.wip);
      });
    });
  }

  it('measures_errors: lists of different lengths raise', () => {
    const [c] = sections.measures_errors.cases;
    const calls: Record<string, () => unknown> = {
      process_words: () => processWords(c.reference, c.hypothesis),
      wer: () => wer(c.reference, c.hypothesis),
      wil: () => wil(c.reference, c.hypothesis),
      wip: () => wip(c.reference, c.hypothesis),
      mer: () => mer(c.reference, c.hypothesis),
      cer: () => cer(c.reference, c.hypothesis),
    };
    expect(Object.keys(calls).sort()).toEqual([...c.functions].sort());
    for (const call of Object.values(calls)) expect(call).toThrow(QualityInputError);
  });
});

describe('jiwer vectors: characters and empty references', () => {
  for (const name of ['cer', 'cer_empty_reference']) {
    const section = sections[name];
    section.cases.forEach((c: Json, i: number) => {
      it(`${name} #${i}`, () => {
        const out = processCharacters(c.reference, c.hypothesis);
        expectClose(out.cer, c.expected, section.tolerance ?? 0);
        expectComputed(out, c.computed);
        expect(cer(c.reference, c.hypothesis)).toBe(out.cer);
      });
    });
  }

  sections.empty_reference.cases.forEach((c: Json, i: number) => {
    it(`empty_reference #${i}`, () => {
      const out = processWords(c.reference, c.hypothesis);
      if (typeof c.expected === 'string') {
        const without = processWords(['hello world'], ['hello world']);
        expectComputed(without, c.computed_without);
        for (const k of ['wer', 'mer', 'wil', 'wip', 'hits'] as const) {
          expect(out[k]).toBe(without[k]);
        }
      } else {
        // pytest.approx: relative 1e-6; the rest are exact in upstream.
        const tol = c.tolerance === 'pytest.approx' ? 1e-6 : 0;
        for (const [k, v] of Object.entries(c.expected as Record<string, number>)) {
          expectClose((out as unknown as Json)[k], v, tol);
        }
      }
      expectComputed(out, c.computed);
    });
  });
});

describe('jiwer vectors: visualisation', () => {
  sections.alignment.cases.forEach((c: Json) => {
    it(c.test, () => {
      const chars = String(c.test).includes('Characters');
      const out = chars
        ? processCharacters(c.reference, c.hypothesis)
        : processWords(c.reference, c.hypothesis);
      expectComputed(out, c.computed);
      const text = visualizeAlignment(out, {
        showMeasures: c.options.show_measures,
        lineWidth: c.options.line_width,
      });
      expect(text).toBe(c.expected_visualization);
    });
  });

  it('count_errors', () => {
    const s = sections.count_errors;
    const words = processWords(s.reference, s.hypothesis);
    const chars = processCharacters(s.reference, s.hypothesis);
    expectComputed(words, s.computed_words);
    expectComputed(chars, s.computed_chars);
    expect(visualizeErrorCounts(words)).toBe(s.expected_word_error_counts);
    expect(visualizeErrorCounts(chars)).toBe(s.expected_char_error_counts);
  });

  it('large_vocab_basic', () => {
    const s = sections.large_vocab_basic;
    const out = processWords(s.reference, s.hypothesis);
    expect(out.wer).toBe(s.expected.wer);
    expect(out.hits).toBe(s.expected.hits);
    expectComputed(out, s.computed);
  });

  it('covers every section of the file', () => {
    const handled = ['measures_default_transform', 'measures_contiguous_transform',
      'measures_errors', 'cer', 'empty_reference', 'cer_empty_reference', 'alignment',
      'count_errors', 'large_vocab_basic', 'transforms'];
    expect(Object.keys(sections).sort()).toEqual(handled.sort());
  });
});
