/**
 * Python's view of text, so the transforms split, strip and count the way
 * jiwer does under CPython: `str.isspace()` whitespace (JavaScript's `\s`
 * adds U+FEFF and misses U+001C–U+001F and U+0085) and code points, not
 * UTF-16 units, as characters.
 */

/** The characters of `str.isspace()` in Python 3.11, as a class body. */
export const PY_SPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a' +
  '\\u2028\\u2029\\u202f\\u205f\\u3000';

const SPACE_SET = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0,
  0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** True for a UTF-16 unit that Python's `str.isspace()` accepts. */
export function isPySpace(unit: number): boolean {
  return SPACE_SET.has(unit);
}

/** Python's `str.strip()` without arguments (all spaces are in the BMP). */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPySpace(text.charCodeAt(start))) start++;
  while (end > start && isPySpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Python's `len(text)`: the number of code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Python's `f'{text:>{width}}'`: right-aligned in code points. */
export function padLeft(text: string, width: number): string {
  const missing = width - codePointLength(text);
  return missing > 0 ? ' '.repeat(missing) + text : text;
}

/** Python's `f'{text:<{width}}'`: left-aligned in code points. */
export function padRight(text: string, width: number): string {
  const missing = width - codePointLength(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/**
 * Python's `f'{x:.2f}'`-style fixed notation: the exact binary value,
 * ties to even. `Number#toFixed` rounds an exact tie away from zero
 * (`(0.125).toFixed(2)` is `0.13`; Python prints `0.12`). A tie at
 * `digits` places is a double of the form odd / 2^(digits + 1).
 */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const twice = x * 2 ** (digits + 1);
  const tie = Number.isInteger(twice) && Math.abs(twice % 2) === 1;
  if (!tie || Math.abs(x) >= 2 ** 52) return x.toFixed(digits);
  // Exact tie: round the scaled value half to even.
  const scaled = Math.abs(x) * 10 ** digits;
  const floor = Math.floor(scaled);
  const units = floor % 2 === 0 ? floor : floor + 1;
  const body = (units / 10 ** digits).toFixed(digits);
  return x < 0 ? `-${body}` : body;
}
