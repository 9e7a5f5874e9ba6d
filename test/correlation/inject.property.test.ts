import http from 'node:http';
import { propagation, context, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlation } from '../../src/index.js';

// Any UTF-16 code unit, lone surrogates, CR, LF and NUL included.
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
const anyHeaderValue = fc.oneof(
  anyText,
  fc.array(anyText, { maxLength: 3 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
);

/** Every header the carrier holds must pass Node's own checks. */
function assertNodeAccepts(carrier: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(carrier)) {
    http.validateHeaderName(name);
    if (typeof value === 'string') http.validateHeaderValue(name, value);
  }
  // A fetch Headers rejects what Node rejects and more (CR, LF, NUL).
  new Headers(carrier as Record<string, string>);
}

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(() => context.disable());

describe('inject never writes a header Node or fetch would reject', () => {
  it('whatever the inbound headers were', () => {
    fc.assert(
      fc.property(anyHeaderValue, anyHeaderValue, anyHeaderValue, anyHeaderValue, (id, alias, bag, tp) => {
        const inbound = { 'x-correlation-id': id, 'x-request-id': alias, baggage: bag, traceparent: tp };
        const out = correlation.runFrom(inbound, () => correlation.inject({} as Record<string, unknown>));
        assertNodeAccepts(out);
        expect(correlation.isValid(out['x-correlation-id'])).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('whatever run() and the host baggage are given', () => {
    fc.assert(
      fc.property(anyText, fc.dictionary(anyText, anyText, { maxKeys: 5 }), anyText, (id, entries, meta) => {
        const bag = propagation.createBaggage(
          Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, { value: v, metadata: { toString: () => meta } as never }])),
        );
        const out = context.with(propagation.setBaggage(ROOT_CONTEXT, bag), () =>
          correlation.run(id, () => correlation.inject<Record<string, unknown>>({ baggage: meta })),
        );
        assertNodeAccepts(out);
        const written = out['x-correlation-id'];
        expect(written === id || !correlation.isValid(id)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('and extract() always returns a valid ID, never throwing', () => {
    fc.assert(
      fc.property(fc.dictionary(anyText, anyHeaderValue, { maxKeys: 6 }), (carrier) => {
        expect(correlation.isValid(correlation.extract(carrier))).toBe(true);
        expect(correlation.isValid(correlation.extract(new Map(Object.entries(carrier))))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
