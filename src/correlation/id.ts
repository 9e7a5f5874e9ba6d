import { randomUUID } from 'node:crypto';

/** Longest correlation ID accepted from outside, in characters. */
export const MAX_ID_LENGTH = 128;

// Letters, digits and `._:-` only: no separators that could split a
// header list (`,`), a baggage member (`;`, `=`) or a log line (CR/LF).
const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

/** Whether `value` may be used as a correlation ID as it is. */
export function isValidCorrelationId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH &&
    ID_PATTERN.test(value)
  );
}

/** A fresh random ID (UUID v4), always valid. */
export function freshId(): string {
  return randomUUID();
}

/** What an inbound header value amounts to. */
export type Inbound =
  | { readonly kind: 'absent' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'valid'; readonly id: string };

const ABSENT: Inbound = { kind: 'absent' };
const INVALID: Inbound = { kind: 'invalid' };

/**
 * Reads one inbound header value: a string, a repeated header (array) or
 * a message-header Buffer. Repeats are accepted only when they all agree;
 * a Buffer longer than the limit is rejected before it is decoded, so a
 * huge value costs nothing.
 */
export function readInbound(value: unknown): Inbound {
  if (value === undefined || value === null) return ABSENT;
  if (Array.isArray(value)) return readRepeated(value);
  const text = decode(value);
  return isValidCorrelationId(text) ? { kind: 'valid', id: text } : INVALID;
}

function readRepeated(values: readonly unknown[]): Inbound {
  if (values.length === 0) return ABSENT;
  const first = decode(values[0]);
  if (!isValidCorrelationId(first)) return INVALID;
  for (let i = 1; i < values.length; i++) {
    if (decode(values[i]) !== first) return INVALID;
  }
  return { kind: 'valid', id: first };
}

function decode(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) {
    if (value.byteLength === 0 || value.byteLength > MAX_ID_LENGTH) return undefined;
    // latin1 maps every byte to one character, so a non-ASCII byte
    // becomes a character the pattern rejects.
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
  }
  return undefined;
}
