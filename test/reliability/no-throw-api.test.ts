/**
 * No throw, ever, outside the families: the correlation API and the
 * quality scorers with hostile values. Correlation never throws except
 * `configure` (a typed setup error) and what the host's own callback
 * throws; the scorers throw only their documented QualityInputError.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlation } from '../../src/correlation/index.js';
import { CorrelationConfigError } from '../../src/correlation/errors.js';
import * as quality from '../../src/quality/index.js';
import { hostile, hostileCallback, hostileObject } from './support/hostile.js';
import { armEscapes, type Escapes } from './support/rejections.js';

type Call = { label: string; run: () => unknown; allowed?: (e: unknown) => boolean };

const isConfigError = (e: unknown): boolean => e instanceof CorrelationConfigError;
/**
 * Offline scorers: their documented error, or the host's own object
 * throwing while the scorer reads it (a getter, a proxy trap).
 */
const isQualityError = (e: unknown): boolean => e instanceof quality.QualityInputError ||
  (e instanceof Error && (e.message === 'proxy trap' || e.message.startsWith('getter ')));

/** The host's callback threw: `run` passes that through, by design. */
function passthrough(fn: () => unknown): Call['allowed'] {
  return (e) => {
    try {
      fn();
    } catch (own) {
      if (Object.is(own, e)) return true;
      return own instanceof Error && e instanceof Error && own.message === e.message;
    }
    return false;
  };
}

// Megabyte values go to extract and inject, where headers arrive.
const SMALL = { big: false };
const correlationCalls: fc.Arbitrary<Call>[] = [
  fc.constantFrom('id', 'logFields').map((m): Call => ({
    label: `correlation.${m}`,
    run: () => (correlation as never as Record<string, () => unknown>)[m]!(),
  })),
  fc.tuple(fc.constantFrom('extract', 'inject', 'isValid'), hostileObject([
    'x-correlation-id', 'x-request-id', 'baggage', 'traceparent', 'headers',
  ], { big: true })).map(([m, v]): Call => ({
    label: `correlation.${m}`,
    run: () => (correlation as never as Record<string, (x: unknown) => unknown>)[m]!(v),
  })),
  fc.tuple(hostile(SMALL), hostileCallback()).map(([id, fn]): Call => ({
    label: 'correlation.run',
    run: () => correlation.run(id as string, fn),
    allowed: passthrough(fn),
  })),
  fc.tuple(hostileObject(['x-correlation-id', 'baggage', 'traceparent'], SMALL), hostileCallback())
    .map(([carrier, fn]): Call => ({
      label: 'correlation.runFrom',
      run: () => correlation.runFrom(carrier as never, fn),
      allowed: passthrough(fn),
    })),
  fc.tuple(hostile(SMALL), hostile(SMALL), hostile(SMALL)).map(([f, input, init]): Call => ({
    label: 'correlation.wrapFetch',
    run: () => {
      correlation.wrapFetch(f as typeof fetch);
      const echo = ((i: unknown, o: unknown) => [i, o]) as unknown as typeof fetch;
      return correlation.wrapFetch(echo)(input as string, init as RequestInit);
    },
  })),
  fc.tuple(fc.constantFrom('http://127.0.0.1:1/x', new URL('https://[::1]:9/'), {}),
    hostileObject(['host', 'hostname', 'port', 'protocol', 'headers'], SMALL))
    .map(([base, extra]): Call => {
      let options: unknown = base;
      if (typeof base === 'object' && !(base instanceof URL)) {
        // The host builds its options; a throwing object fails there, not here.
        try {
          options = { ...(extra as object) };
        } catch {
          options = {};
        }
      }
      return {
        label: 'correlation.requestOptions',
        run: () => correlation.requestOptions(options as never),
      };
    }),
  hostileObject(
    ['header', 'aliases', 'propagationHosts', 'baggageKey', 'trustInbound', 'env'], SMALL)
    .map((o): Call => ({
      label: 'correlation.configure',
      run: () => {
        try {
          correlation.configure(o as never);
        } finally {
          correlation.configure({ env: {} });
        }
      },
      // Setup may throw its typed error, or the host's own object may throw.
      allowed: (e) => isConfigError(e) || isQualityError(e),
    })),
];

// Megabyte texts are scored correctly but slowly; the families' test has them.
const TEXT = fc.oneof(fc.constantFrom('the cat sat', 'a b c d', ''), hostile({ big: false }));
const STREAM = fc.oneof(fc.array(TEXT, { maxLength: 3 }), hostile(SMALL));
const scorerCalls: fc.Arbitrary<Call>[] = [
  fc.tuple(fc.constantFrom('bleu', 'chrf'), STREAM, fc.oneof(fc.array(STREAM, { maxLength: 2 }),
    hostile(SMALL)),
    hostileObject(['tokenize', 'lowercase', 'smoothMethod', 'wordOrder', 'beta'], SMALL))
    .map(([m, h, r, o]): Call => ({
      label: `quality.${m}`,
      run: () => (quality as never as Record<string, (...a: unknown[]) => unknown>)[m]!(h, r, o),
      allowed: isQualityError,
    })),
  fc.tuple(fc.constantFrom('sentenceBleu', 'sentenceChrf'), TEXT, STREAM)
    .map(([m, h, r]): Call => ({
      label: `quality.${m}`,
      run: () => (quality as never as Record<string, (...a: unknown[]) => unknown>)[m]!(h, r),
      allowed: isQualityError,
    })),
  fc.tuple(fc.constantFrom('wer', 'cer', 'mer', 'wil', 'wip', 'processWords',
    'processCharacters'), fc.oneof(TEXT, STREAM), fc.oneof(TEXT, STREAM))
    .map(([m, ref, hyp]): Call => ({
      label: `quality.${m}`,
      run: () => (quality as never as Record<string, (...a: unknown[]) => unknown>)[m]!(ref, hyp),
      allowed: isQualityError,
    })),
];

function isPromise(v: unknown): v is Promise<unknown> {
  try {
    return v instanceof Promise;
  } catch {
    return false; // a proxy the host made, returned as is
  }
}

describe('no throw, ever: correlation and the quality scorers', () => {
  let escapes: Escapes;
  let calls = 0;
  beforeAll(() => {
    escapes = armEscapes();
  });
  afterAll(() => escapes.disarm());

  const check = (arb: fc.Arbitrary<Call>, runs: number) => fc.assert(
    fc.property(fc.array(arb, { minLength: 10, maxLength: 20 }), (list) => {
      for (const c of list) {
        calls++;
        try {
          const out = c.run();
          // A returned promise (a host fetch) is the host's: observe it only.
          if (isPromise(out)) out.catch(() => undefined);
        } catch (error) {
          if (c.allowed?.(error) === true) continue;
          throw new Error(`${c.label} threw ${String((error as Error)?.stack ?? error)}`);
        }
      }
    }),
    { numRuns: runs, endOnFailure: true },
  );

  it('correlation survives hostile headers, carriers, IDs and callbacks', () => {
    check(fc.oneof(...correlationCalls), 900);
  });

  it('the scorers throw nothing but their documented QualityInputError', () => {
    check(fc.oneof(...scorerCalls), 250);
  });

  it('made at least 15,000 calls, with no rejection or exception escaping', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBeGreaterThanOrEqual(15_000);
    expect(escapes.rejections).toEqual([]);
    expect(escapes.exceptions).toEqual([]);
  });
});
