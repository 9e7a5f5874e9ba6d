import { expect, it } from 'vitest';
import { sentenceChrf } from '../../src/quality/index.js';

// chrF drops whitespace before it reads characters (sacreBLEU removes it
// from the string). The character pass now skips spaces while scanning;
// a surrogate pair that only spaces separate must still join into one
// character, as it does once the spaces are gone.
it('reads characters as if whitespace had been removed first', () => {
  const spaced = 'ab\uD83D \u3000\uDE00cd \uD83D';
  const removed = 'ab\uD83D\uDE00cd\uD83D';
  for (const ref of ['ab\uD83D\uDE00cd', 'a b \uDE00 c', removed]) {
    expect(sentenceChrf(spaced, [ref]).score).toBe(sentenceChrf(removed, [ref]).score);
    expect(sentenceChrf(ref, [spaced]).score).toBe(sentenceChrf(ref, [removed]).score);
  }
  const whole = sentenceChrf('ab\uD83D\uDE00cd', ['ab\uD83D\uDE00cd']).score;
  expect(sentenceChrf('ab\uD83D \uDE00cd', ['ab\uD83D\uDE00cd']).score).toBe(whole);
});
