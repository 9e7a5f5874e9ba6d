import { describe, expect, it } from 'vitest';
import { freshId, isValidCorrelationId, readInbound } from '../../src/correlation/id.js';

describe('isValidCorrelationId', () => {
  it.each(['a', 'A.z_0', 'x'.repeat(128), 'turn:42', '550e8400-e29b-41d4'])(
    'accepts %s',
    (value) => expect(isValidCorrelationId(value)).toBe(true),
  );

  it.each([
    ['empty', ''],
    ['129 characters', 'x'.repeat(129)],
    ['a comma', 'a,b'],
    ['CR LF', 'a\r\nset-cookie: x'],
    ['a space', 'a b'],
    ['a slash', 'a/b'],
    ['non-ASCII', 'caf\u00e9'],
    ['a NUL', 'a\u0000'],
    ['a semicolon', 'a;b'],
  ])('rejects %s', (_what, value) => expect(isValidCorrelationId(value)).toBe(false));

  it('rejects non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['a']]) {
      expect(isValidCorrelationId(value)).toBe(false);
    }
  });

  it('makes fresh IDs that are valid and distinct', () => {
    const ids = new Set(Array.from({ length: 1000 }, freshId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isValidCorrelationId(id)).toBe(true);
  });
});

describe('readInbound', () => {
  it('tells absent from invalid', () => {
    expect(readInbound(undefined)).toEqual({ kind: 'absent' });
    expect(readInbound([])).toEqual({ kind: 'absent' });
    expect(readInbound('')).toEqual({ kind: 'invalid' });
    expect(readInbound(7)).toEqual({ kind: 'invalid' });
  });

  it('accepts repeats only when they agree', () => {
    expect(readInbound(['a-1', 'a-1'])).toEqual({ kind: 'valid', id: 'a-1' });
    expect(readInbound(['a-1', 'a-2'])).toEqual({ kind: 'invalid' });
    expect(readInbound(['bad value', 'bad value'])).toEqual({ kind: 'invalid' });
  });

  it('decodes message-header Buffers and rejects long ones unread', () => {
    expect(readInbound(Buffer.from('msg-7'))).toEqual({ kind: 'valid', id: 'msg-7' });
    expect(readInbound(new Uint8Array([0x61, 0xe9]))).toEqual({ kind: 'invalid' });
    expect(readInbound(Buffer.alloc(1 << 20, 0x61))).toEqual({ kind: 'invalid' });
  });
});
