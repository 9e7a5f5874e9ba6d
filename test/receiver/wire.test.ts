import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ProtoDecodeError,
  ProtoReader,
  decodeMetricsRequest,
  decodeTraceRequest,
} from '../../src/receiver/index.js';

// A tiny encoder for building test messages by hand. It is independent of
// the reader so that a shared bug cannot hide.
function varint(n: bigint): number[] {
  let v = BigInt.asUintN(64, n);
  const out: number[] = [];
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v === 0n ? low : low | 0x80);
  } while (v !== 0n);
  return out;
}
const tag = (field: number, wire: number): number[] => varint(BigInt(field * 8 + wire));
const len = (field: number, body: number[]): number[] => [
  ...tag(field, 2),
  ...varint(BigInt(body.length)),
  ...body,
];
const str = (field: number, s: string): number[] => len(field, [...Buffer.from(s)]);
function fixed64(field: number, v: bigint): number[] {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt.asUintN(64, v));
  return [...tag(field, 1), ...b];
}
function double(field: number, v: number): number[] {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v);
  return [...tag(field, 1), ...b];
}

describe('ProtoReader', () => {
  it('reads the documented varint example 300 = ac 02', () => {
    expect(new ProtoReader(Uint8Array.from([0xac, 0x02])).varint()).toBe(300);
  });

  it('reads int64 varints of any value, negative ones as ten bytes', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (v) => {
        const bytes = Uint8Array.from(varint(v));
        const r = new ProtoReader(bytes);
        expect(r.varint64()).toBe(v);
        expect(r.more()).toBe(false);
      }),
    );
    expect(varint(-1n)).toHaveLength(10);
  });

  it('reads zigzag sint values', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (v) => {
        const zz = (BigInt(v) << 1n) ^ (BigInt(v) < 0n ? -1n : 0n);
        expect(new ProtoReader(Uint8Array.from(varint(zz))).sint()).toBe(v);
      }),
    );
  });

  it('rejects truncated input instead of reading past the end', () => {
    expect(() => new ProtoReader(Uint8Array.from([0x80])).varint()).toThrow(ProtoDecodeError);
    const cut = Uint8Array.from(str(1, 'hello')).subarray(0, 4);
    expect(() => decodeMetricsRequest(cut)).toThrow(ProtoDecodeError);
  });

  it('rejects group wire types and field number 0', () => {
    expect(() => decodeTraceRequest(Uint8Array.from([0x0b]))).toThrow(ProtoDecodeError);
    expect(() => decodeTraceRequest(Uint8Array.from([0x00, 0x00]))).toThrow(ProtoDecodeError);
  });
});

describe('hand-built messages', () => {
  it('decodes a histogram with unpacked repeated fields and skips unknown ones', () => {
    const point = [
      ...len(9, [...str(1, 'k'), ...len(2, str(1, 'v'))]),
      ...fixed64(2, 5n),
      ...fixed64(3, 2n ** 63n + 7n), // beyond 2^63: stays exact as bigint
      ...fixed64(4, 3n),
      ...double(5, 1.5),
      ...fixed64(6, 1n),
      ...fixed64(6, 2n),
      ...double(7, 0.5),
      ...tag(99, 0),
      ...varint(12345n), // an unknown future field
    ];
    const hist = [...len(1, point), ...tag(2, 0), ...varint(1n)];
    const metric = [...str(1, 'h'), ...str(3, 's'), ...len(9, hist)];
    const body = len(1, len(2, len(2, metric)));

    const req = decodeMetricsRequest(Uint8Array.from(body));
    const m = req.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!;
    expect(m).toMatchObject({ name: 'h', unit: 's', type: 'histogram' });
    if (m.type !== 'histogram') throw new Error('not a histogram');
    expect(m.aggregationTemporality).toBe('delta');
    expect(m.dataPoints[0]).toEqual({
      attributes: { k: 'v' },
      startTimeUnixNano: 5n,
      timeUnixNano: 2n ** 63n + 7n,
      flags: 0,
      count: 3,
      sum: 1.5,
      bucketCounts: [1, 2],
      explicitBounds: [0.5],
    });
  });

  it('keeps int64 attributes beyond 2^53 as bigint and bytes as bytes', () => {
    const big = 2n ** 60n + 1n;
    const attr = (key: string, value: number[]): number[] =>
      len(9, [...str(1, key), ...len(2, value)]);
    const span = [
      ...len(1, Array(16).fill(0xab)),
      ...len(2, Array(8).fill(0x01)),
      ...str(5, 's'),
      ...attr('big', [...tag(3, 0), ...varint(big)]),
      ...attr('neg', [...tag(3, 0), ...varint(-5n)]),
      ...attr('raw', len(7, [1, 2, 3])),
      ...attr('kv', len(6, len(1, [...str(1, 'x'), ...len(2, str(1, 'y'))]))),
    ];
    const req = decodeTraceRequest(Uint8Array.from(len(1, len(2, len(2, span)))));
    const s = req.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(s.traceId).toBe('ab'.repeat(16));
    expect(s.spanId).toBe('01'.repeat(8));
    expect(s.attributes).toEqual({
      big,
      neg: -5,
      raw: Uint8Array.from([1, 2, 3]),
      kv: { x: 'y' },
    });
  });
});
