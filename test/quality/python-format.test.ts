// Python's number formatting, which sacreBLEU's output is made of.
// Expected strings are what CPython 3.11 prints for the same doubles.
import { describe, expect, it } from 'vitest';
import { formatFixed, pyFloatRepr } from '../../src/quality/python-format.js';

describe('formatFixed equals Python f"{x:.nf}"', () => {
  const cases: Array<[number, number, string]> = [
    // Exact binary ties round to even, where toFixed rounds away from 0.
    [0.125, 2, '0.12'], [0.375, 2, '0.38'], [2.5, 0, '2'], [3.5, 0, '4'],
    [0.5, 0, '0'], [1.5, 0, '2'], [0.0625, 3, '0.062'],
    // Not ties in binary: the exact value decides.
    [48.55, 1, '48.5'], [48.45, 1, '48.5'], [1.005, 2, '1.00'], [2.675, 2, '2.67'],
    [100.00000000000004, 2, '100.00'], [59.15310444399262, 1, '59.2'],
    // Signs, tiny and huge values.
    [-0.001, 2, '-0.00'], [-0, 2, '-0.00'], [5e-324, 3, '0.000'],
    [1e22, 1, '10000000000000000000000.0'],
  ];
  it.each(cases)('%d to %i places → %s', (x, digits, want) => {
    expect(formatFixed(x, digits)).toBe(want);
  });

  it('differs from toFixed exactly on the ties', () => {
    expect((0.125).toFixed(2)).toBe('0.13');
    expect(formatFixed(0.125, 2)).toBe('0.12');
  });

  it('spells non-finite values as Python does', () => {
    expect(formatFixed(Number.NaN, 2)).toBe('nan');
    expect(formatFixed(-Infinity, 1)).toBe('-inf');
  });
});

describe('pyFloatRepr equals Python repr(float)', () => {
  const cases: Array<[number, string]> = [
    [48.5, '48.5'], [100, '100.0'], [0, '0.0'], [-0, '-0.0'], [1e-6, '1e-06'],
    [1e16, '1e+16'], [1e15, '1000000000000000.0'], [0.0001, '0.0001'],
    [1.2345678901234568e17, '1.2345678901234568e+17'], [-2.5, '-2.5'],
    [123.456, '123.456'], [1e-5, '1e-05'], [0.00012, '0.00012'],
  ];
  it.each(cases)('%d → %s', (x, want) => {
    expect(pyFloatRepr(x)).toBe(want);
  });
});
