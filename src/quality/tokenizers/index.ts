/**
 * The BLEU tokenizers by name, as sacreBLEU's `tokenize=` names them.
 * Each maps a (lowercased, right-stripped) segment to the tokens BLEU
 * counts: sacreBLEU's tokenized text split on Python whitespace.
 */
import { isPySpace, pySplit } from '../python-text.js';
import { tokenize13a } from './mteval.js';
import { tokenizeIntl } from './intl.js';
import { tokenizeZh } from './zh.js';

/** Tokenizer names accepted by BLEU. */
export const BLEU_TOKENIZERS = ['13a', 'intl', 'zh', 'char', 'none'] as const;

/** A BLEU tokenizer name (sacreBLEU's `tokenize`). */
export type BleuTokenizer = (typeof BLEU_TOKENIZERS)[number];

/**
 * sacreBLEU's `char` tokenizer: one token per code point (Python's
 * characters, not UTF-16 units); whitespace vanishes in the split.
 */
export function tokenizeChar(line: string): string[] {
  return Array.from(line).filter((c) => !isPySpace(c.codePointAt(0)!));
}

const TOKENIZERS: Record<BleuTokenizer, (line: string) => string[]> = {
  '13a': tokenize13a,
  intl: tokenizeIntl,
  zh: tokenizeZh,
  char: tokenizeChar,
  none: pySplit,
};

/** The BLEU tokens of one segment with the named tokenizer. */
export function tokenize(name: BleuTokenizer, line: string): string[] {
  return TOKENIZERS[name](line);
}

/** True when `name` is a tokenizer BLEU knows. */
export function isBleuTokenizer(name: string): name is BleuTokenizer {
  return (BLEU_TOKENIZERS as readonly string[]).includes(name);
}
