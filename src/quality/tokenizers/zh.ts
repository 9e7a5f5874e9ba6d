/**
 * sacreBLEU's `zh` tokenizer: every character in its "Chinese" ranges
 * becomes a token of its own, the rest goes through the 13a punctuation
 * pass.
 */
import { pyStrip } from '../python-text.js';
import { punctuationPass } from './mteval.js';

// sacreBLEU compares one character against range bounds that are Python
// strings. Two bounds were meant as astral code points ('\u20000',
// '\u2a6d6', '\u2f800', '\u2fa1d') but Python reads them as a BMP
// character followed by a digit, so those two ranges really cover
// U+2001–U+2A6D and U+2F81–U+2FA1 (general punctuation, arrows, math
// symbols …) and no astral character is ever split. We keep that, since
// equality with sacreBLEU is the point.
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4db5], [0x4e00, 0x9fa5], [0x9fa6, 0x9fbb], [0xf900, 0xfa2d],
  [0xfa30, 0xfa6a], [0xfa70, 0xfad9], [0x2001, 0x2a6d], [0x2f81, 0x2fa1],
  [0xff00, 0xffef], [0x2e80, 0x2eff], [0x3000, 0x303f], [0x31c0, 0x31ef],
  [0x2f00, 0x2fdf], [0x2ff0, 0x2fff], [0x3100, 0x312f], [0x31a0, 0x31bf],
  [0xfe10, 0xfe1f], [0xfe30, 0xfe4f], [0x2600, 0x26ff], [0x2700, 0x27bf],
  [0x3200, 0x32ff], [0x3300, 0x33ff],
];

/** True for the code points sacreBLEU's `zh` tokenizer splits off. */
export function isZhSplitChar(codePoint: number): boolean {
  if (codePoint < 0x2001 || codePoint > 0xffef) return false;
  for (const [start, end] of RANGES) {
    if (codePoint >= start && codePoint <= end) return true;
  }
  return false;
}

/** sacreBLEU's `zh` tokenizer; its output is these tokens joined by ' '. */
export function tokenizeZh(line: string): string[] {
  let out = '';
  for (const char of pyStrip(line)) {
    out += isZhSplitChar(char.codePointAt(0)!) ? ` ${char} ` : char;
  }
  return punctuationPass(out);
}
