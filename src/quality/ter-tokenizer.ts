/**
 * sacreBLEU's Tercom tokenizer (`tokenizer_ter.py`): lowercase unless
 * case-sensitive, optional Western and Asian normalisation, optional
 * punctuation removal, then Python whitespace split. Every class below is
 * in the BMP, so UTF-16 units and code points match the same text.
 */
import { pySplit } from './python-text.js';

/** TER tokenizer switches, sacreBLEU's `TER(...)` arguments. */
export interface TerTokenizerOptions {
  /** Tercom's normalisation (entities, punctuation split). Default false. */
  normalized?: boolean;
  /** Remove punctuation. Default false. */
  noPunct?: boolean;
  /** CJK handling for `normalized` and `noPunct`. Default false. */
  asianSupport?: boolean;
  /** Keep case. Default false (TER lowercases). */
  caseSensitive?: boolean;
}

const WESTERN: ReadonlyArray<readonly [RegExp, string]> = [
  [/([{-~[-` -&(-+:-@/])/g, ' $1 '],
  [/'s /g, " 's "],
  [/'s$/g, " 's"],
  [/([^0-9])([.,])/g, '$1 $2 '],
  [/([.,])([^0-9])/g, ' $1 $2'],
  [/([0-9])(-)/g, '$1 $2 '],
];

const ASIAN_PUNCT =
  /([\u3001\u3002\u3008-\u3011\u3014-\u301f\uff61-\uff65\u30fb])/g;
const FULL_WIDTH_PUNCT =
  /([\uff0e\uff0c\uff1f\uff1a\uff1b\uff01\uff02\uff08\uff09])/g;

// Kana runs are split only when they are the whole string (the anchors
// are inside the alternatives), which after the Western padding never
// happens; kept as written for equality.
const ASIAN: ReadonlyArray<readonly [RegExp, string]> = [
  [/([\u4e00-\u9fff\u3400-\u4dbf])/g, ' $1 '],
  [/([\u31c0-\u31ef\u2e80-\u2eff])/g, ' $1 '],
  [/([\u3300-\u33ff\uf900-\ufaff\ufe30-\ufe4f])/g, ' $1 '],
  [/([\u3200-\u3f22])/g, ' $1 '],
  [/(^|^[\u3040-\u309f])([\u3040-\u309f]+)(?=$|^[\u3040-\u309f])/g, '$1 $2 '],
  [/(^|^[\u30a0-\u30ff])([\u30a0-\u30ff]+)(?=$|^[\u30a0-\u30ff])/g, '$1 $2 '],
  [/(^|^[\u31f0-\u31ff])([\u31f0-\u31ff]+)(?=$|^[\u31f0-\u31ff])/g, '$1 $2 '],
  [ASIAN_PUNCT, ' $1 '],
  [FULL_WIDTH_PUNCT, ' $1 '],
];

type Rules = ReadonlyArray<readonly [RegExp, string]>;

function applyAll(text: string, rules: Rules): string {
  let out = text;
  for (const [re, replacement] of rules) out = out.replace(re, replacement);
  return out;
}

function normalizeWestern(sent: string): string {
  const joined = sent.replaceAll('\n-', '').replaceAll('\n', ' ')
    .replaceAll('&quot;', '"').replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  return applyAll(` ${joined} `, WESTERN);
}

/** The TER tokens of one (right-stripped) segment. */
export function terTokens(sent: string, o: TerTokenizerOptions): string[] {
  if (!sent) return [];
  let text = o.caseSensitive === true ? sent : sent.toLowerCase();
  if (o.normalized === true) {
    text = normalizeWestern(text);
    if (o.asianSupport === true) text = applyAll(text, ASIAN);
  }
  if (o.noPunct === true) {
    text = text.replace(/[.,?:;!"()]/g, '');
    if (o.asianSupport === true) {
      text = text.replace(ASIAN_PUNCT, '').replace(FULL_WIDTH_PUNCT, '');
    }
  }
  return pySplit(text);
}
