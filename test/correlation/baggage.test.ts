import { propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import {
  BAGGAGE_MAX_LENGTH,
  BAGGAGE_MAX_MEMBERS,
  extractBaggage,
  limitBaggageHeader,
  serializeBaggage,
} from '../../src/correlation/baggage.js';
import { carrierGetter } from '../../src/correlation/carrier.js';

function extracted(header: string | string[]) {
  const ctx = extractBaggage(ROOT_CONTEXT, { baggage: header }, carrierGetter);
  return propagation.getBaggage(ctx)?.getAllEntries() ?? [];
}

describe('limitBaggageHeader', () => {
  it('keeps a header within the limit as it is', () => {
    const header = 'a=1,b=2';
    expect(limitBaggageHeader(header)).toBe(header);
  });

  it('cuts back to the last complete member', () => {
    const member = 'k=' + 'v'.repeat(98); // 100 characters
    const header = Array.from({ length: 100 }, () => member).join(','); // 10099
    const limited = limitBaggageHeader(header);
    expect(limited.length).toBeLessThanOrEqual(BAGGAGE_MAX_LENGTH);
    expect(limited.split(',').every((m) => m === member)).toBe(true);
    expect(limited.split(',')).toHaveLength(81); // 81 * 101 - 1 = 8180
  });

  it('keeps a member that ends exactly at the limit', () => {
    const first = 'a=' + 'x'.repeat(BAGGAGE_MAX_LENGTH - 2);
    expect(limitBaggageHeader(`${first},b=1`)).toBe(first);
  });

  it('joins repeated headers and stops reading past the limit', () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => `k${i}=v`);
    const limited = limitBaggageHeader(parts);
    expect(limited.startsWith('k0=v,k1=v')).toBe(true);
    expect(limited.length).toBeLessThanOrEqual(BAGGAGE_MAX_LENGTH);
  });
});

describe('baggage extraction', () => {
  it(`keeps at most ${BAGGAGE_MAX_MEMBERS} members`, () => {
    const header = Array.from({ length: 500 }, (_, i) => `k${i}=v`).join(',');
    const entries = extracted(header);
    expect(entries).toHaveLength(BAGGAGE_MAX_MEMBERS);
    expect(entries[0]).toEqual(['k0', { value: 'v' }]);
  });

  it('never keeps a partial member of an oversized header', () => {
    const header = `a=1,big=${'x'.repeat(BAGGAGE_MAX_LENGTH)},c=3`;
    expect(extracted(header).map(([k]) => k)).toEqual(['a']);
  });

  it('reads a 1 MB header without throwing', () => {
    expect(extracted('x'.repeat(1 << 20))).toEqual([]);
    expect(extracted(`a=1,${'b'.repeat(1 << 20)}=2`).map(([k]) => k)).toEqual(['a']);
  });
});

describe('serializeBaggage', () => {
  it('puts the correlation member first and leaves out what cannot be encoded', () => {
    const bag = propagation.createBaggage({
      tenant: { value: 'a,b' },
      'not(token)': { value: 'x' },
      lone: { value: '\ud800' },
      meta: { value: 'm', metadata: { toString: () => 'p=1\r\n' } as never },
      correlation_id: { value: 'c-1' },
    });
    expect(serializeBaggage(bag, 'correlation_id')).toBe('correlation_id=c-1,tenant=a%2Cb,meta=m');
  });

  it('stays within the member and length limits', () => {
    const entries: Record<string, { value: string }> = { correlation_id: { value: 'c' } };
    for (let i = 0; i < 400; i++) entries[`k${i}`] = { value: 'v'.repeat(100) };
    entries.huge = { value: 'h'.repeat(5000) };
    const header = serializeBaggage(propagation.createBaggage(entries), 'correlation_id');
    expect(header.length).toBeLessThanOrEqual(BAGGAGE_MAX_LENGTH);
    expect(header.startsWith('correlation_id=c,')).toBe(true);
    expect(header).not.toContain('huge');
  });
});
