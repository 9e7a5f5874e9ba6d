// The shared scorer skeleton: sentence and corpus scoring are the same
// code, and a corpus score comes from summed statistics.
import { describe, expect, it } from 'vitest';
import {
  bleu, computeBleu, sentenceBleu, sentenceBleus,
} from '../../src/quality/bleu.js';
import { chrf, sentenceChrf, sentenceChrfs } from '../../src/quality/chrf.js';
import { sentenceTer, ter } from '../../src/quality/ter.js';

const HYPS = [
  'Der Hund biss den Mann.', 'Ce n’était pas surprenant.',
  'El hombre acababa de morderlo.', '他刚刚咬了他。',
];
const REFS = [
  'Der Hund hat den Mann gebissen.', 'Ce n’était pas inattendu.',
  'El hombre lo mordió primero.', '他先咬了他。',
];

describe('scorer skeleton', () => {
  it('batch sentence scores equal one-by-one sentence scores', () => {
    const bleus = sentenceBleus(HYPS, [REFS]);
    const chrfs = sentenceChrfs(HYPS, [REFS], { wordOrder: 2 });
    HYPS.forEach((h, i) => {
      expect(bleus[i]!.score).toBe(sentenceBleu(h, [REFS[i]!]).score);
      expect(chrfs[i]!.score).toBe(sentenceChrf(h, [REFS[i]!], { wordOrder: 2 }).score);
    });
  });

  it('corpus BLEU is BLEU of the summed sentence statistics', () => {
    const parts = HYPS.map((h, i) => bleu([h], [[REFS[i]!]]));
    const sum = (pick: (s: (typeof parts)[number]) => number[]) =>
      parts.map(pick).reduce((a, b) => a.map((x, k) => x + b[k]!));
    const summed = computeBleu({
      counts: sum((p) => p.counts), totals: sum((p) => p.totals),
      sysLen: parts.reduce((n, p) => n + p.sysLen, 0),
      refLen: parts.reduce((n, p) => n + p.refLen, 0),
    });
    expect(summed.score).toBe(bleu(HYPS, [REFS]).score);
  });

  it('a corpus score is not the mean of sentence scores', () => {
    const mean = HYPS.reduce((n, h, i) => n + sentenceChrf(h, [REFS[i]!]).score, 0) / HYPS.length;
    expect(chrf(HYPS, [REFS]).score).not.toBe(mean);
  });

  it('sentence TER is corpus TER of one segment', () => {
    expect(sentenceTer(HYPS[0]!, [REFS[0]!]).score).toBe(ter([HYPS[0]!], [[REFS[0]!]]).score);
  });
});
