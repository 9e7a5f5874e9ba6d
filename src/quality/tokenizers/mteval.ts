/**
 * The mteval-v13a tokenizer (sacreBLEU's `13a`, the default) and the
 * punctuation pass it shares with `zh`. Rules read from sacreBLEU's
 * `tokenizer_re.py` / `tokenizer_13a.py`; every class is ASCII, so UTF-16
 * units and code points give the same matches (a surrogate is never `.`,
 * `,`, `-` or a digit, and the pairs are never split).
 */
import { isPySpace, pySplit } from '../python-text.js';

// Every ASCII symbol and punctuation mark except the apostrophe and
// . , - (handled by the rules after it): { | } ~ [ \ ] ^ _ ` space
// ! " # $ % & ( ) * + : ; < = > ? @ /
const SYMBOL_RE = /([{-~[-` -&(-+:-@/])/g;
const PERIOD_AFTER_NON_DIGIT_RE = /([^0-9])([.,])/g;
const PERIOD_BEFORE_NON_DIGIT_RE = /([.,])([^0-9])/g;
const DASH_AFTER_DIGIT_RE = /([0-9])(-)/g;

// Any character a rule can act on: the symbols above and . , -. A word
// without one passes every rule unchanged.
const RULE_CHAR_RE = /[!-&(-/:-@[-`{-~]/;

/**
 * The four rules on one word (no whitespace inside), split into tokens.
 * The padding stands for the whitespace around the word in the line; the
 * first and last word of an unpadded line (`zh`) have none on that side,
 * so a final period there stays attached.
 */
function wordPass(word: string, left: boolean, right: boolean): string[] {
  const padded = `${left ? ' ' : ''}${word}${right ? ' ' : ''}`;
  let spaced = padded.replace(SYMBOL_RE, ' $1 ');
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

// Tokens of inner words (whitespace on both sides), by word. Words with
// punctuation repeat a lot ("said.", "2023,"), and a lookup is ~10× cheaper
// than the regex passes (bench/quality.mjs). Bounded: cleared when full.
const innerWords = new Map<string, readonly string[]>();
const INNER_WORDS_MAX = 16384;

function innerWordPass(word: string): readonly string[] {
  let tokens = innerWords.get(word);
  if (tokens === undefined) {
    tokens = wordPass(word, true, true);
    if (innerWords.size >= INNER_WORDS_MAX) innerWords.clear();
    innerWords.set(word, tokens);
  }
  return tokens;
}

/**
 * The language-dependent regex pass, split into tokens. It runs word by
 * word, which gives the tokens of the whole-line passes: a match spans
 * at most two adjacent characters, one side of which is whitespace when
 * it crosses a word boundary, and whitespace is never the part a rule
 * consumes as [.,] or -, so no match in one word can block or enable one
 * in the next. Most words hold no rule character and are kept as they
 * are, which made corpus BLEU ~1.5× faster in bench/quality.mjs.
 */
export function punctuationPass(line: string): string[] {
  const words = pySplit(line);
  const startsSpaced = isPySpace(line.charCodeAt(0));
  const endsSpaced = isPySpace(line.charCodeAt(line.length - 1));
  const last = words.length - 1;
  let out: string[] | undefined;
  for (let i = 0; i <= last; i += 1) {
    const word = words[i]!;
    if (!RULE_CHAR_RE.test(word)) {
      out?.push(word);
      continue;
    }
    out ??= words.slice(0, i);
    const left = i > 0 || startsSpaced;
    const right = i < last || endsSpaced;
    const tokens = left && right ? innerWordPass(word) : wordPass(word, left, right);
    for (const token of tokens) out.push(token);
  }
  return out ?? words;
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
