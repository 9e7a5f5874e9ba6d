/**
 * The mteval-v13a tokenizer (sacreBLEU's `13a`, the default) and the
 * punctuation pass it shares with `zh`. Rules read from sacreBLEU's
 * `tokenizer_re.py` / `tokenizer_13a.py`; every class is ASCII, so UTF-16
 * units and code points give the same matches (a surrogate is never `.`,
 * `,`, `-` or a digit, and the pairs are never split).
 */
import { pySplit } from '../python-text.js';

// Every ASCII symbol and punctuation mark except the apostrophe and
// . , - (handled by the rules after it): { | } ~ [ \ ] ^ _ ` space
// ! " # $ % & ( ) * + : ; < = > ? @ /
const SYMBOL_RE = /([{-~[-` -&(-+:-@/])/g;
const PERIOD_AFTER_NON_DIGIT_RE = /([^0-9])([.,])/g;
const PERIOD_BEFORE_NON_DIGIT_RE = /([.,])([^0-9])/g;
const DASH_AFTER_DIGIT_RE = /([0-9])(-)/g;

/** The language-dependent regex pass, split into tokens. */
export function punctuationPass(line: string): string[] {
  // A rule that cannot match leaves the text unchanged, so skipping it is
  // exact; the checks are much cheaper than a regex pass.
  let spaced = line.replace(SYMBOL_RE, ' $1 ');
  if (spaced.includes('.') || spaced.includes(',')) {
    spaced = spaced
      .replace(PERIOD_AFTER_NON_DIGIT_RE, '$1 $2 ')
      .replace(PERIOD_BEFORE_NON_DIGIT_RE, ' $1 $2');
  }
  if (spaced.includes('-')) {
    spaced = spaced.replace(DASH_AFTER_DIGIT_RE, '$1 $2 ');
  }
  return pySplit(spaced);
}

/** sacreBLEU's `13a` tokenizer; its output is these tokens joined by ' '. */
export function tokenize13a(line: string): string[] {
  // The language-independent part of mteval-v13a: strip <skipped> marks,
  // join hyphenated line breaks, unescape four SGML entities in order.
  let text = line;
  if (text.includes('<skipped>')) text = text.replaceAll('<skipped>', '');
  if (text.includes('\n')) {
    text = text.replaceAll('-\n', '').replaceAll('\n', ' ');
  }
  if (text.includes('&')) {
    text = text.replaceAll('&quot;', '"').replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  // The padding lets a sentence-final period split off its word.
  return punctuationPass(` ${text} `);
}
