// German, French, Spanish, Chinese and Japanese text: properties that
// follow from sacreBLEU's definitions, plus golden scores computed with a
// line-by-line transcription of sacreBLEU 2.6.0's algorithm run under
// CPython 3.11 (the Python side of every whitespace, code point and
// float-order question; sacreBLEU itself is not installable here).
import { describe, expect, it } from 'vitest';
import { bleu, sentenceBleu, sentenceBleus } from '../../src/quality/bleu.js';
import { chrf, sentenceChrf } from '../../src/quality/chrf.js';
import { QualityInputError } from '../../src/quality/errors.js';

const HYPS = [
  'Die Preise sind um 3,5 % gestiegen, sagte er.',
  "Ça coûte 3,50 € ; c'est cher.",
  '¿Dónde está el baño?',
  '我喜欢北京。价格是3.5元！',
  '東京へ行きます。',
];
const REF1 = [
  'Die Preise stiegen um 3,5 %, sagte er.',
  "Cela coûte 3,50 €, c'est cher.",
  '¿Dónde está el servicio?',
  '我喜欢北京。价格为3.5元。',
  '東京に行きます。',
];
// A second stream with missing entries (None in sacreBLEU).
const REF2 = [
  'Er sagte, die Preise seien um 3,5 % gestiegen.', null,
  '¿Dónde queda el baño?', undefined, '東京へ行く。',
];

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('golden scores from the CPython transcription', () => {
  it('corpus BLEU with a sparse second reference stream', () => {
    expect(rel(bleu(HYPS, [REF1, REF2]).score, 43.00000760562836)).toBeLessThan(1e-12);
    expect(rel(bleu(HYPS, [REF1, REF2], { lowercase: true, tokenize: 'char' }).score,
      81.06339471828974)).toBeLessThan(1e-12);
    expect(rel(bleu(HYPS, [REF1, REF2], { tokenize: 'zh' }).score,
      56.91588283913817)).toBeLessThan(1e-12);
  });

  it('corpus chrF and chrF++ bit for bit', () => {
    expect(chrf(HYPS, [REF1, REF2]).score).toBe(66.47334512597617);
    expect(chrf(HYPS, [REF1, REF2], { wordOrder: 2 }).score).toBe(66.70924307313365);
    expect(chrf(HYPS, [REF1, REF2], {
      wordOrder: 2, lowercase: true, whitespace: true, epsSmoothing: true,
    }).score).toBe(69.85000424660916);
  });

  it('sentence BLEU (zh) and sentence chrF on Chinese and Japanese', () => {
    expect(rel(sentenceBleu(HYPS[3]!, [REF1[3]!], { tokenize: 'zh' }).score,
      67.0422683816333)).toBeLessThan(1e-12);
    expect(sentenceChrf(HYPS[4]!, [REF1[4]!]).score).toBe(45.654761904761905);
  });
});

describe('properties', () => {
  it('a hypothesis equal to its reference scores 100 in every language', () => {
    for (const text of REF1) {
      expect(sentenceBleu(text, [text], { tokenize: 'zh' }).score).toBeCloseTo(100, 10);
      expect(sentenceChrf(text, [text], { wordOrder: 2 }).score).toBe(100);
    }
  });

  it('nrefs counts the references present; "var" when it varies', () => {
    expect(bleu(HYPS, [REF1, REF2]).signature).toMatch(/^nrefs:var\|/);
    expect(bleu(HYPS, [REF1]).signature).toMatch(/^nrefs:1\|/);
    expect(sentenceBleus(HYPS, [REF1, REF2]).map((s) => s.signature.split('|')[0]))
      .toEqual(['nrefs:2', 'nrefs:1', 'nrefs:2', 'nrefs:1', 'nrefs:2']);
  });

  it("'' is an empty reference, not a missing one (sacreBLEU 2.6)", () => {
    const withEmpty = REF2.map((r) => r ?? '');
    expect(bleu(HYPS, [REF1, withEmpty]).signature).toMatch(/^nrefs:2\|/);
    // Golden values of the transcription with '' kept as a reference.
    expect(rel(bleu(HYPS, [REF1, withEmpty]).score, 43.00000760562836)).toBeLessThan(1e-12);
    expect(chrf(HYPS, [REF1, withEmpty]).score).toBe(66.47334512597617);
    // An empty hypothesis against an empty reference: lengths 0, score 0.
    const empty = sentenceBleu('', ['']);
    expect([empty.sysLen, empty.refLen, empty.score]).toEqual([0, 0, 0]);
  });

  it('lowercase folds German, French and Greek like str.lower()', () => {
    const score = sentenceBleu('ÜBER DAS ÉTÉ ΣΟΦΟΣ', ['über das été σοφος'],
      { lowercase: true });
    expect(score.score).toBeCloseTo(100, 10);
    expect(score.signature).toContain('case:lc');
  });

  it('chrF counts code points: an astral character is one character', () => {
    const astral = sentenceChrf('𠀀𠀁', ['𠀀𠀂'], { charOrder: 1 });
    const bmp = sentenceChrf('我你', ['我他'], { charOrder: 1 });
    expect(astral.score).toBe(bmp.score);
    expect(astral.score).toBe(50);
  });
});

describe('object-prototype words are ordinary words', () => {
  const hyp = '__proto__ __proto__ constructor';
  const ref = '__proto__ constructor valueOf';

  it('BLEU clips them like any other token', () => {
    // 13a splits off the underscores; `none` keeps the words whole.
    const whole = bleu([hyp], [[ref]], { tokenize: 'none' });
    expect(whole.counts).toEqual([2, 1, 0, 0]);
    expect(whole.totals).toEqual([3, 2, 1, 0]);
    expect(rel(bleu([hyp], [[ref]]).score, 46.17366309441026)).toBeLessThan(1e-12);
    const same = 'constructor __proto__ toString hasOwnProperty valueOf';
    expect(sentenceBleu(same, [same]).score).toBeCloseTo(100, 10);
  });

  it('chrF++ word n-grams too', () => {
    expect(chrf([hyp], [[ref]], { wordOrder: 2 }).score).toBe(69.41594062615441);
    expect(Number.isFinite(sentenceChrf('constructor', ['constructor']).score)).toBe(true);
  });
});

describe('input errors', () => {
  it('a segment without any reference throws QualityInputError', () => {
    expect(() => bleu(['a', 'b'], [['x', null]])).toThrow(QualityInputError);
    expect(() => chrf(['a'], [[undefined]])).toThrow(/segment 0 has no reference/);
    expect(() => sentenceChrf('a', [])).toThrow(QualityInputError);
  });

  it('streams of another length and unknown options throw', () => {
    expect(() => bleu(['a', 'b'], [['x']])).toThrow(QualityInputError);
    expect(() => bleu(['a'], [['a']], { tokenize: 'moses' as never })).toThrow(/tokenize/);
    expect(() => chrf(['a'], [['a']], { charOrder: 0, wordOrder: 0 })).toThrow(QualityInputError);
  });
});
