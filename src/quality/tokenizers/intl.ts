/**
 * sacreBLEU's `intl` tokenizer (mteval-v14 international): split off
 * Unicode punctuation unless it sits between digits, and every symbol.
 * The `u` flag makes the property classes work on code points, as
 * Python's `regex` module does.
 */
import { pySplit } from '../python-text.js';

const PUNCT_AFTER_NON_NUMBER_RE = /(\P{N})(\p{P})/gu;
const PUNCT_BEFORE_NON_NUMBER_RE = /(\p{P})(\P{N})/gu;
const SYMBOL_RE = /(\p{S})/gu;

/** sacreBLEU's `intl` tokenizer; its output is these tokens joined by ' '. */
export function tokenizeIntl(line: string): string[] {
  const spaced = line
    .replace(PUNCT_AFTER_NON_NUMBER_RE, '$1 $2 ')
    .replace(PUNCT_BEFORE_NON_NUMBER_RE, ' $1 $2')
    .replace(SYMBOL_RE, ' $1 ');
  return pySplit(spaced);
}
