import { describe, expect, it } from 'vitest';
import {
  cer, compose, processWords, reduceToListOfListOfWords, removeKaldiNonWords,
  removeMultipleSpaces, removePunctuation, strip, substituteWords, toLowerCase,
  wer, werDefault, werStandardize,
} from '../../src/quality/wer/index.js';
import { QualityInputError } from '../../src/quality/errors.js';

describe('default transforms (jiwer wer_default / cer_default)', () => {
  it('collapses runs of Python whitespace but keeps a lone tab inside a word', () => {
    expect(werDefault(['  a \u3000 b\u0085 '])).toEqual([['a', 'b']]);
    expect(werDefault(['a\tb'])).toEqual([['a\tb']]);
    // U+FEFF is whitespace for JavaScript's \s but not for Python.
    expect(werDefault(['\ufeffa'])).toEqual([['\ufeffa']]);
  });

  it('is case- and punctuation-sensitive unless asked', () => {
    expect(wer('Hello, world', 'hello world')).toBe(0.5);
    expect(wer('Hello, world', 'hello world', { lowercase: true, removePunctuation: true }))
      .toBe(0);
  });

  it('splits on tabs and newlines with collapseWhitespace', () => {
    expect(wer('a\tb', 'a b')).toBe(2);
    expect(wer('a\tb', 'a b', { collapseWhitespace: true })).toBe(0);
  });

  it('strips but counts inner spaces for CER', () => {
    expect(cer('  ab ', 'ab')).toBe(0);
    expect(cer('a b', 'ab')).toBe(1 / 3);
  });
});

describe('custom transform chains', () => {
  it('composes steps before a reducer', () => {
    const t = compose(
      [toLowerCase, removeKaldiNonWords, removePunctuation, removeMultipleSpaces, strip],
      reduceToListOfListOfWords(),
    );
    expect(t(['Hello <unk> World!'])).toEqual([['hello', 'world']]);
    expect(wer('hello world', 'Hello <unk> World!', { hypothesisTransform: t })).toBe(0);
  });

  it('matches whole Unicode words only', () => {
    const step = substituteWords({ 'café': 'coffee' });
    expect(step(['café cafés'])).toEqual(['coffee cafés']);
  });

  it('standardizes like jiwer wer_standardize', () => {
    expect(werStandardize(["She'll [laugh] go"])).toEqual([['she', 'will', 'go']]);
  });
});

describe('invalid input (offline API throws typed errors)', () => {
  it('rejects values that are not text', () => {
    expect(() => wer(42 as unknown as string, 'a')).toThrow(QualityInputError);
    expect(() => wer(['a', 1] as unknown as string[], ['a', 'b'])).toThrow(QualityInputError);
  });

  it('rejects a transform that does not produce token lists', () => {
    const bad = (() => ['not', 'nested']) as unknown as typeof werDefault;
    expect(() => processWords('a', 'a', { transform: bad })).toThrow(QualityInputError);
  });

  it('scores empty strings without throwing (jiwer 4.0)', () => {
    expect(wer('', '')).toBe(0);
    expect(wer('', 'a b')).toBe(2);
    expect(cer('', '')).toBe(0);
  });
});
