/**
 * Regression: the word-by-word 13a punctuation pass (a speed-up) first
 * padded every word with whitespace, so a final period after a digit at
 * the very end of an unpadded line (`zh`: "…le 15/06/2024.") was split
 * off, which sacreBLEU's whole-line rules never do. Caught by the golden
 * fixture (corpus BLEU tok:zh). The pass must equal the whole-line rules,
 * padded (13a) or not (zh).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { pySplit } from '../../src/quality/python-text.js';
import { punctuationPass } from '../../src/quality/tokenizers/mteval.js';
import { tokenizeZh } from '../../src/quality/tokenizers/zh.js';

/** sacreBLEU's four rules on the whole line, as tokenizer_re.py runs them. */
function wholeLine(line: string): string[] {
  const spaced = line
    .replace(/([{-~[-` -&(-+:-@/])/g, ' $1 ')
    .replace(/([^0-9])([.,])/g, '$1 $2 ')
    .replace(/([.,])([^0-9])/g, ' $1 $2')
    .replace(/([0-9])(-)/g, '$1 $2 ');
  return pySplit(spaced);
}

it('keeps a final period after a digit at an unpadded line end', () => {
  expect(punctuationPass('le 15/06/2024.')).toEqual(['le', '15', '/', '06', '/', '2024.']);
  expect(punctuationPass(' le 2024. ')).toEqual(['le', '2024', '.']);
  expect(punctuationPass('.5 a')).toEqual(['.5', 'a']);
  expect(tokenizeZh('价格是3.5元，在2024.')).toEqual(
    ['价', '格', '是', '3.5', '元', '，', '在', '2024.'],
  );
});

it('equals the whole-line rules on any text, padded or not', () => {
  // Digits, the rule characters and whitespace, densely mixed.
  const alphabet = fc.constantFrom(
    ...'ab9 0.,-/:\'"(){}[]!?&\u00a0\t\u3000é'.split(''),
  );
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 24 }), (chars) => {
      const line = chars.join('');
      expect(punctuationPass(line)).toEqual(wholeLine(line));
      expect(punctuationPass(` ${line} `)).toEqual(wholeLine(` ${line} `));
    }),
    { numRuns: 3000 },
  );
});
