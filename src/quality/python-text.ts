/**
 * Python's idea of whitespace and characters, so that scorers split and
 * strip text exactly as sacreBLEU does. JavaScript's `\s` differs from
 * Python's `str.isspace()`: it adds U+FEFF and misses U+001C–U+001F and
 * U+0085. The set below is `str.isspace()` for Python 3.11.
 */
const PY_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a' +
  '\\u2028\\u2029\\u202f\\u205f\\u3000';

const SPLIT_RE = new RegExp(`[${PY_SPACE}]+`);
const ALL_SPACE_RE = new RegExp(`[${PY_SPACE}]+`, 'g');

// Any Python whitespace other than the plain space.
const OTHER_SPACE_RE = new RegExp(`[${PY_SPACE.replace(' ', '')}]`);

/** Python's `str.split()` without arguments: no empty fields. */
export function pySplit(text: string): string[] {
  // Most segments hold plain spaces only; splitting on ' ' is much faster.
  const parts = OTHER_SPACE_RE.test(text)
    ? text.split(SPLIT_RE)
    : text.split(' ');
  if (parts.includes('')) return parts.filter((part) => part !== '');
  return parts;
}

/** Python's `''.join(text.split())`: every whitespace character removed. */
export function pyRemoveSpace(text: string): string {
  return text.replace(ALL_SPACE_RE, '');
}

/** Python's `str.rstrip()` without arguments. */
export function pyRstrip(text: string): string {
  // A loop, not /\s+$/: that regex is quadratic on long inner runs.
  // Every Python space is in the BMP, so code units suffice.
  let end = text.length;
  while (end > 0 && isPySpace(text.charCodeAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** Python's `str.strip()` without arguments. */
export function pyStrip(text: string): string {
  const right = pyRstrip(text);
  let start = 0;
  while (start < right.length && isPySpace(right.charCodeAt(start))) {
    start += 1;
  }
  return start === 0 ? right : right.slice(start);
}

/** True when the code point is whitespace for Python's `str.isspace()`. */
export function isPySpace(codePoint: number): boolean {
  if (codePoint <= 0x20) {
    return codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d) ||
      (codePoint >= 0x1c && codePoint <= 0x1f);
  }
  if (codePoint < 0x85) return false;
  return codePoint === 0x85 || codePoint === 0xa0 || codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200a) || codePoint === 0x2028 ||
    codePoint === 0x2029 || codePoint === 0x202f || codePoint === 0x205f ||
    codePoint === 0x3000;
}
