/**
 * Hostile values for the no-throw property tests: everything a buggy or
 * malicious caller could pass where speechmetry expects a number, a
 * string, an attribute object or a callback.
 */
import fc from 'fast-check';

/** An object whose every property read throws. */
export function throwingGetters(): object {
  const o = { [fc.toStringMethod]: () => '<throwing getters>' };
  for (const key of ['model', 'language', 'voice', 'domain', 'streaming', 'sourceLanguage',
    'targetLanguage', 'audioSeconds', 'confidence', 'detectedLanguage', 'transcript',
    'reference', 'input', 'output', 'references', 'cacheHit', 'characters', 'text',
    'naturalness', 'inputCharacters', 'outputCharacters', 'wer', 'cer', 'bleu', 'chrf',
    'comet', 'audio', 'audioFormat', 'code', 'name', 'constructor', 'then', 'length']) {
    Object.defineProperty(o, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key}`);
      },
    });
  }
  return o;
}

/**
 * fast-check probes generated values for its clone and print hooks; the
 * proxies answer those two and throw on everything else.
 */
function trap(fallback: () => never) {
  const label = (): string => '<throwing proxy>';
  return {
    get: (_t: object, key: PropertyKey) => {
      if (key === fc.toStringMethod) return label;
      if (key === fc.cloneMethod) return undefined;
      return fallback();
    },
    has: (_t: object, key: PropertyKey) => {
      if (key === fc.toStringMethod) return true;
      if (key === fc.cloneMethod) return false;
      return fallback();
    },
  };
}

/** A proxy that throws on every trap, `typeof` and fast-check's probes aside. */
export function throwingProxy(): object {
  const fail = (): never => {
    throw new Error('proxy trap');
  };
  return new Proxy({}, {
    ...trap(fail), ownKeys: fail, getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail, set: fail, defineProperty: fail, deleteProperty: fail,
    isExtensible: fail, preventExtensions: fail, setPrototypeOf: fail,
  });
}

/** A callable proxy that throws on every trap, calling included. */
export function throwingFunctionProxy(): object {
  const fail = (): never => {
    throw new Error('proxy trap');
  };
  return new Proxy(function target() {}, {
    ...trap(fail), ownKeys: fail, getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail, apply: fail, construct: fail,
  });
}

function circular(): object {
  const a: Record<string, unknown> = { model: 'm' };
  a.self = a;
  a.references = [a, a];
  return a;
}

const MEGABYTE = 'x'.repeat(1 << 20);
const MEGABYTE_SURROGATES = '\ud800'.repeat(1 << 19) + '\udfff'.repeat(1 << 19);

/** Fixed values built once: big ones cost too much to generate per run. */
const FIXED: unknown[] = [
  null, undefined, NaN, Infinity, -Infinity, -1, -0, 0, 1e308, -1e308,
  Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 1n, -(2n ** 70n),
  '', ' ', '\u0000', '\ud800', '\udfff', 'a\ud800b',
  '__proto__', 'constructor', 'toString', 'en', 'de-DE', 'EN_us', 'zz-Zzzz-999',
  Symbol('hostile'), Symbol.iterator, true, false, [], [null], {}, Object.create(null),
  new Date(NaN), /re/, new Map(), new Uint8Array(3), new Uint8Array(1 << 16),
  new Error('boom'), Promise.reject(new Error('rejected')).catch(() => undefined),
];

/**
 * One hostile value. Objects with throwing getters and proxies are made
 * fresh per value so no state leaks between runs.
 */
export function hostile(options: { big?: boolean } = {}): fc.Arbitrary<unknown> {
  const big = options.big ?? true;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FIXED) },
    // Rare: every megabyte string costs a scan wherever text is measured.
    { weight: big ? 1 : 0, arbitrary: fc.constantFrom(MEGABYTE, MEGABYTE_SURROGATES) },
    { weight: 2, arbitrary: fc.constant(null).map(() => throwingGetters()) },
    { weight: 2, arbitrary: fc.constant(null).map(() => throwingProxy()) },
    { weight: 1, arbitrary: fc.constant(null).map(() => throwingFunctionProxy()) },
    { weight: 1, arbitrary: fc.constant(null).map(() => circular()) },
    { weight: 2, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.bigInt() },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff })
      .map((c) => String.fromCharCode(c)), maxLength: 8 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 1, maxKeys: 3 }) },
  );
}

/**
 * An attribute or result object: hostile as a whole, or a few of its
 * fields hostile (a handful per object keeps generation cheap).
 */
export function hostileObject(
  keys: readonly string[],
  options: { big?: boolean } = {},
): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostile(options),
    fc.array(fc.tuple(fc.constantFrom(...keys), hostile(options)), { maxLength: 4 })
      .map((entries) => Object.fromEntries(entries)),
  );
}

/** What a hostile callback does when called. */
export function hostileCallback(): fc.Arbitrary<(...args: unknown[]) => unknown> {
  return fc.oneof(
    hostile().map((v) => () => v),
    hostile().map((v) => () => {
      throw v;
    }),
    hostile().map((v) => () => Promise.reject(v)),
    hostile().map((v) => async () => v),
  );
}
