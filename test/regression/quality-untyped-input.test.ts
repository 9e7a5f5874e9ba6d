/**
 * Regression: the BLEU and chrF scorers threw TypeErrors (not their
 * documented QualityInputError) for untyped input — a references value
 * that is not a list, a hypothesis that is not a string, `null` options,
 * a symbol smoothMethod — and accepted `smoothMethod: 'toString'`
 * (found by the no-throw property test).
 */
import { expect, it } from 'vitest';
import {
  bleu, chrf, QualityInputError, sentenceBleu, sentenceChrf,
} from '../../src/quality/index.js';

it('answers wrongly shaped input with QualityInputError', () => {
  expect(() => sentenceBleu('a b', 'a b' as never)).toThrow(QualityInputError);
  expect(() => sentenceChrf('a b', null as never)).toThrow(QualityInputError);
  expect(() => bleu([42 as never], [['a']])).toThrow(QualityInputError);
  expect(() => chrf('a b' as never, [['a b']])).toThrow(QualityInputError);
  expect(() => bleu(['a'], ['a'] as never)).toThrow(QualityInputError);
});

it('rejects inherited and non-string smoothing names', () => {
  for (const smoothMethod of ['toString', '__proto__', Symbol('exp'), Object.create(null)]) {
    expect(() => bleu(['a'], [['a']], { smoothMethod: smoothMethod as never }))
      .toThrow(QualityInputError);
  }
});

it('names a bad tokenizer even when it cannot be printed', () => {
  expect(() => bleu(['a'], [['a']], { tokenize: Object.create(null) }))
    .toThrow(QualityInputError);
});

it('reads null options as no options', () => {
  const plain = bleu(['the cat sat'], [['the cat sat']]).score;
  expect(bleu(['the cat sat'], [['the cat sat']], null as never).score).toBe(plain);
  expect(chrf(['the cat'], [['the cat']], null as never).score)
    .toBe(chrf(['the cat'], [['the cat']]).score);
});
