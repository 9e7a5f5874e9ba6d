// Every chrF case of the visible sacreBLEU 2.6.0 vectors: the upstream
// tolerance against `expected`, and bit-for-bit equality with `computed`.
import { describe, expect, it } from 'vitest';
import { chrf, sentenceChrf, type ChrfOptions } from '../../src/quality/chrf.js';
import { VERSION } from '../../src/version.js';
import { section } from './vectors.js';

function optionsOf(kwargs: Record<string, unknown>): ChrfOptions {
  return {
    charOrder: kwargs.char_order as number,
    wordOrder: kwargs.word_order as number,
    beta: kwargs.beta as number,
    epsSmoothing: (kwargs.eps_smoothing as boolean | undefined) ?? false,
    whitespace: kwargs.remove_whitespace === false,
  };
}

describe('sacreBLEU vectors: corpus chrF', () => {
  for (const name of ['chrf_eps', 'chrf_effective_order', 'chrf_keep_whitespace']) {
    const s = section(name);
    const options = optionsOf(s.kwargs!);
    it.each(s.cases.map((c, i) => [name, i, c] as const))('%s %i', (_, __, c) => {
      const score = chrf(c.hyps, c.refs, options);
      expect(Math.abs(score.score - c.expected)).toBeLessThanOrEqual(s.tolerance!);
      expect(score.score).toBe(c.computed);
    });
  }
});

describe('sacreBLEU vectors: sentence chrF (Czech)', () => {
  const s = section('chrf_sentence');
  it.each(s.cases.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const eps = sentenceChrf(c.hyp, c.refs, { epsSmoothing: true });
    expect(Math.abs(eps.score - c.expected)).toBeLessThanOrEqual(s.tolerance!);
    expect(eps.score).toBe(c.computed);
    expect(sentenceChrf(c.hyp, c.refs).score).toBe(c.computed_default_chrf);
    expect(sentenceChrf(c.hyp, c.refs, { wordOrder: 2 }).score)
      .toBe(c.computed_default_chrfpp);
  });
});

describe('sacreBLEU vectors: chrF format_example', () => {
  const ex = section('format_example');
  const mine = (text: string): string => text.replaceAll('2.6.0', VERSION);
  const hyps = ex.hyps as string[];
  const refs = ex.refs as string[][];
  const want = (key: string) => ex[key] as { str: string; signature: string; score: number };

  it('chrF: str(score), signature, score', () => {
    const score = chrf(hyps, refs);
    expect(score.format()).toBe(want('chrf').str);
    expect(score.signature).toBe(mine(want('chrf').signature));
    expect(score.score).toBe(want('chrf').score);
  });

  it('chrF++: str(score), signature, score', () => {
    const score = chrf(hyps, refs, { wordOrder: 2 });
    expect(score.name).toBe('chrF2++');
    expect(score.format()).toBe(want('chrfpp').str);
    expect(score.signature).toBe(mine(want('chrfpp').signature));
    expect(score.score).toBe(want('chrfpp').score);
  });
});
