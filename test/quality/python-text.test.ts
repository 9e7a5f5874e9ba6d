// Python's whitespace (str.isspace) and code points, against JavaScript's.
import { describe, expect, it } from 'vitest';
import {
  isPySpace, pyRemoveSpace, pyRstrip, pySplit, pyStrip,
} from '../../src/quality/python-text.js';

// str.isspace() is true for exactly these code points in CPython 3.11.
const PYTHON_SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0,
  0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

describe('Python whitespace', () => {
  it('isPySpace holds for exactly the str.isspace() set in the BMP', () => {
    const found: number[] = [];
    for (let cp = 0; cp < 0x10000; cp += 1) if (isPySpace(cp)) found.push(cp);
    expect(found).toEqual(PYTHON_SPACES);
  });

  it('splits on U+0085 and U+001F but not on U+FEFF (unlike /\\s/)', () => {
    expect(pySplit('a\u0085b\ufeffc\u001fd')).toEqual(['a', 'b\ufeffc', 'd']);
    expect('a\u0085b\ufeffc'.split(/\s+/)).toEqual(['a\u0085b', 'c']);
  });

  it('drops empty fields like str.split()', () => {
    expect(pySplit('  a  b ')).toEqual(['a', 'b']);
    expect(pySplit('\t\u3000 ')).toEqual([]);
    expect(pySplit('')).toEqual([]);
    expect(pySplit('x\u00a0 y')).toEqual(['x', 'y']);
  });

  it('strips and removes the same set', () => {
    expect(pyRstrip('Satz.\u2003\u0085\r\n')).toBe('Satz.');
    expect(pyRstrip('Satz.\ufeff')).toBe('Satz.\ufeff');
    expect(pyStrip('\u3000文。\u3000')).toBe('文。');
    expect(pyRemoveSpace('a b\u00a0c\u2028d\ufeff')).toBe('abcd\ufeff');
  });
});
