// Every BLEU case of the visible sacreBLEU 2.6.0 vectors, checked with the
// upstream tolerance and the sufficient statistics exactly.
import { describe, expect, it } from 'vitest';
import {
  bleu, computeBleu, sentenceBleu, type BleuOptions, type BleuScore,
} from '../../src/quality/bleu.js';
import { VERSION } from '../../src/version.js';
import { expectedStats, section, type Case } from './vectors.js';

function stats(score: BleuScore): Record<string, unknown> {
  return {
    counts: score.counts, totals: score.totals, bp: score.bp,
    sysLen: score.sysLen, refLen: score.refLen,
  };
}

// bp comes from Math.exp; V8's and libm's exp may differ in the last bit.
function expectSameStats(score: BleuScore, computed: Case): void {
  const want = expectedStats(computed);
  expect({ ...stats(score), bp: 0 }).toEqual({ ...want, bp: 0 });
  expect(score.bp).toBeCloseTo(computed.bp as number, 14);
  score.precisions.forEach((p, i) => {
    expect(p).toBeCloseTo(computed.precisions[i] as number, 12);
  });
}

function relClose(actual: number, expected: number, rel = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    rel * Math.max(1, Math.abs(expected)),
  );
}

// sacreBLEU's raw_corpus_bleu: no tokenizer, floor smoothing, eff. order.
const raw = (smoothValue = 0.1): BleuOptions => ({
  tokenize: 'none', smoothMethod: 'floor', smoothValue, effectiveOrder: true,
});

function kwargsToOptions(kwargs: Record<string, unknown>): BleuOptions {
  const options: BleuOptions = {};
  if (kwargs.tokenize !== undefined) {
    options.tokenize = kwargs.tokenize as BleuOptions['tokenize'];
  }
  if (kwargs.smooth_method !== undefined) {
    options.smoothMethod = kwargs.smooth_method as BleuOptions['smoothMethod'];
  }
  return options;
}

describe('sacreBLEU vectors: corpus BLEU', () => {
  const s = section('bleu_corpus');
  it.each(s.cases.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const score = bleu(c.hyps, c.refs, kwargsToOptions(c.kwargs));
    expect(Math.abs(score.score / 100 - c.expected / 100))
      .toBeLessThanOrEqual(s.tolerance!);
    relClose(score.score, c.computed.score);
    expectSameStats(score, c.computed);
  });
});

describe('sacreBLEU vectors: raw corpus BLEU and effective order', () => {
  for (const name of ['bleu_raw', 'bleu_effective_order']) {
    const s = section(name);
    it.each(s.cases.map((c, i) => [name, i, c] as const))('%s %i', (_, __, c) => {
      const score = bleu(c.hyps, c.refs, raw(0.01));
      expect(Math.abs(score.score / 100 - c.expected))
        .toBeLessThanOrEqual(s.tolerance!);
      relClose(score.score, c.computed.score);
      expectSameStats(score, c.computed);
    });
  }

  it('bleu_statistics: counts and totals', () => {
    const [c] = section('bleu_statistics').cases;
    const score = bleu(c.hyps, c.refs, raw(0.01));
    expect(score.counts).toEqual(c.expected.counts);
    expect(score.totals).toEqual(c.expected.totals);
    relClose(score.score, c.computed.score);
    expectSameStats(score, c.computed);
  });

  it('bleu_offset: floor 0.1 and 0.0', () => {
    const s = section('bleu_offset');
    const [c] = s.cases;
    const with01 = bleu(c.hyps, c.refs, raw(0.1));
    const with00 = bleu(c.hyps, c.refs, raw(0));
    expect(Math.abs(with01.score / 100 - c['expected_with_offset_0.1']))
      .toBeLessThanOrEqual(1e-8);
    expect(with00.score / 100).toBe(c['expected_without_offset_0.0']);
    relClose(with01.score, c['computed_0.1'].score);
    expectSameStats(with01, c['computed_0.1']);
    expectSameStats(with00, c['computed_0.0']);
  });
});

describe('sacreBLEU vectors: compute_bleu from statistics', () => {
  it('bleu_scoring (smooth none)', () => {
    const [c] = section('bleu_scoring').cases;
    const score = computeBleu(
      { counts: c.correct, totals: c.total, sysLen: c.sys_len, refLen: c.ref_len },
      { smoothMethod: 'none' },
    );
    expect(Math.abs(score.score / 100 - c.expected)).toBeLessThanOrEqual(1e-8);
    relClose(score.score, c.computed.score);
  });

  const degenerate = section('bleu_degenerate').cases;
  it.each(degenerate.map((c, i) => [i, c] as const))('bleu_degenerate %i', (_, c) => {
    const score = computeBleu(
      { counts: c.correct, totals: c.total, sysLen: c.sys_len, refLen: c.ref_len },
      { smoothMethod: 'floor', smoothValue: c.smooth_value },
    );
    expect(score.score / 100).toBe(c.expected);
    expectSameStats(score, c.computed);
  });
});

describe('sacreBLEU vectors: max n-gram order', () => {
  const cases = section('bleu_max_order').cases;
  it.each(cases.map((c) => [c.order, c] as const))('order %i', (order, c) => {
    const score = bleu(c.hyps, c.refs, { maxNgramOrder: order });
    expect(score.format({ scoreOnly: true })).toBe(c.expected);
    relClose(score.score, c.computed.score);
    expectSameStats(score, c.computed);
  });
});

describe('sacreBLEU vectors: sentence BLEU', () => {
  for (const name of ['sentence_bleu', 'sentence_bleu_zero']) {
    const s = section(name);
    it.each(s.cases.map((c, i) => [name, i, c] as const))('%s %i', (_, __, c) => {
      const options: BleuOptions = {
        lowercase: c.lowercase, tokenize: c.tokenize,
        smoothMethod: c.smooth_method, effectiveOrder: true,
      };
      if (c.smooth_value !== null) options.smoothValue = c.smooth_value;
      const score = sentenceBleu(s.hyp as string, [s.ref as string], options);
      expect(Math.abs(score.score - c.expected)).toBeLessThanOrEqual(s.tolerance!);
      relClose(score.score, c.computed.score);
      expectSameStats(score, c.computed);
    });
  }
});

describe('sacreBLEU vectors: format_example', () => {
  const ex = section('format_example');
  const mine = (text: string): string => text.replaceAll('2.6.0', VERSION);

  it('str(score), the signature and its short form', () => {
    const score = bleu(ex.hyps as string[], ex.refs as string[][]);
    expect(score.format()).toBe(ex.str);
    expect(score.signature).toBe(mine(ex.signature as string));
    expect(score.shortSignature).toBe(mine(ex.signature_short as string));
  });

  it('the command-line text and JSON at width 1', () => {
    const score = bleu(ex.hyps as string[], ex.refs as string[][]);
    expect(score.format({ width: 1, signature: true }))
      .toBe(mine(ex.cli_text_width1 as string));
    expect(score.format({ width: 1, json: true }))
      .toBe(mine(ex.cli_json_width1 as string));
  });
});
