/**
 * Number formatting that prints what Python prints. sacreBLEU formats
 * scores with `f'{x:.{n}f}'`, which rounds the exact binary value half to
 * even; `Number#toFixed` rounds ties away from zero (`(0.125).toFixed(2)`
 * is `0.13`, Python says `0.12`). JSON output holds `float(...)`, whose
 * text is Python's `repr`, not JavaScript's `String(x)` (`100.0`, `1e-06`).
 */

const view = new DataView(new ArrayBuffer(8));

/** The double as `mantissa × 2^exponent` with an integer mantissa. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/**
 * Python's `format(x, f'.{digits}f')`: fixed notation, exact value,
 * ties to even, sign kept on negative zero.
 */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  const negative = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x)) return negative ? '-inf' : 'inf';

  const { mantissa, exponent } = decompose(x);
  const scale = 10n ** BigInt(digits);
  let units: bigint;
  if (exponent >= 0) {
    units = (mantissa << BigInt(exponent)) * scale;
  } else {
    const numerator = mantissa * scale;
    const denominator = 1n << BigInt(-exponent);
    units = numerator / denominator;
    const twice = (numerator % denominator) * 2n;
    if (twice > denominator || (twice === denominator && units % 2n === 1n)) {
      units += 1n;
    }
  }

  const text = units.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const body = digits > 0 ? `${whole}.${text.slice(-digits)}` : whole;
  return negative ? `-${body}` : body;
}

/** Python's `repr(float)`: shortest round-trip digits, Python's layout. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';

  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest digits that
  // round-trip, the same digits Python's repr chooses.
  const [mant, expText] = Math.abs(x).toExponential().split('e');
  const digits = mant!.replace('.', '');
  const exp = Number(expText);

  // Python switches to scientific notation outside 1e-4 <= |x| < 1e16.
  if (exp < -4 || exp >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    return `${sign}${digits[0]}${rest}e${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1) || '0';
  return `${sign}${whole}.${frac}`;
}
