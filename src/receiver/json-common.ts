/**
 * Field readers for the OTLP/JSON encoding: the protobuf JSON mapping with
 * OTLP's exceptions (hex trace and span IDs, integer enums). Readers are
 * lenient the way the mapping asks receivers to be: camelCase or the
 * original snake_case names, 64-bit integers as strings or numbers,
 * doubles as numbers or "NaN"/"Infinity" strings.
 */
import { narrowInt } from './proto-common.js';
import type { OtlpAttributes, OtlpResource, OtlpScope, OtlpValue } from './types.js';
import { ProtoDecodeError } from './wire.js';

/** A JSON object as parsed. */
export type Json = Record<string, unknown>;

/** Reads a field by its camelCase name, falling back to snake_case. */
export function field(obj: Json, camel: string): unknown {
  if (obj[camel] !== undefined) return obj[camel];
  return obj[camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

/** Reads a nested object; absent means an empty object. */
export function object(obj: Json, camel: string): Json {
  const v = field(obj, camel);
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw bad(camel, 'an object');
  return v as Json;
}

/** Reads an array of objects; absent means empty. */
export function objects(obj: Json, camel: string): Json[] {
  const v = field(obj, camel);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw bad(camel, 'an array');
  return v.map((x) => {
    if (typeof x !== 'object' || x === null) throw bad(camel, 'an array of objects');
    return x as Json;
  });
}

/** Reads a string; absent means ''. */
export function str(obj: Json, camel: string): string {
  const v = field(obj, camel);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw bad(camel, 'a string');
  return v;
}

/** Reads a 64-bit integer written as a string, a number or {low, high}. */
export function int64(obj: Json, camel: string): bigint {
  return toBigInt(field(obj, camel), camel);
}

function toBigInt(v: unknown, name: string): bigint {
  if (v === undefined || v === null || v === '') return 0n;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'object' && 'low' in v && 'high' in v) {
    const { low, high } = v as { low: number; high: number };
    return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  }
  throw bad(name, 'a 64-bit integer');
}

/** Reads a small integer (counts, enums, flags); absent means 0. */
export function int(obj: Json, camel: string): number {
  return Number(int64(obj, camel));
}

/** Reads a double; absent means `undefined`. */
export function optDouble(obj: Json, camel: string): number | undefined {
  const v = field(obj, camel);
  if (v === undefined || v === null) return undefined;
  return toDouble(v, camel);
}

/** Reads a double; absent means 0. */
export function double(obj: Json, camel: string): number {
  return optDouble(obj, camel) ?? 0;
}

function toDouble(v: unknown, name: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    if (!Number.isNaN(n) || v === 'NaN') return n;
  }
  throw bad(name, 'a number');
}

/** Reads an array of doubles (explicit bounds). */
export function doubles(obj: Json, camel: string): number[] {
  const v = field(obj, camel);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw bad(camel, 'an array');
  return v.map((x) => toDouble(x, camel));
}

/** Reads an array of 64-bit counts as numbers (bucket counts). */
export function counts(obj: Json, camel: string): number[] {
  const v = field(obj, camel);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw bad(camel, 'an array');
  return v.map((x) => Number(toBigInt(x, camel)));
}

/** Reads an enum given as its number or its name, mapped to our strings. */
export function enumField<T>(obj: Json, camel: string, values: readonly T[]): T {
  const v = field(obj, camel);
  if (typeof v === 'number') return values[v] ?? values[0]!;
  if (typeof v === 'string') {
    const i = values.findIndex((x) => String(v).toLowerCase().endsWith(`_${String(x)}`));
    return i >= 0 ? values[i]! : values[0]!;
  }
  return values[0]!;
}

/** Reads a trace or span ID: hex in OTLP/JSON, lowercased. */
export function hexId(obj: Json, camel: string): string {
  const v = str(obj, camel);
  if (!/^[0-9a-fA-F]*$/.test(v)) throw bad(camel, 'a hex string');
  return v.toLowerCase();
}

/** Reads a repeated KeyValue field into attributes. */
export function attributes(obj: Json, camel = 'attributes'): OtlpAttributes {
  const out: OtlpAttributes = {};
  for (const kv of objects(obj, camel)) out[str(kv, 'key')] = anyValue(object(kv, 'value'));
  return out;
}

/** Decodes an AnyValue object. */
export function anyValue(v: Json): OtlpValue {
  if (field(v, 'stringValue') !== undefined) return str(v, 'stringValue');
  if (field(v, 'boolValue') !== undefined) return field(v, 'boolValue') === true;
  if (field(v, 'intValue') !== undefined) return narrowInt(int64(v, 'intValue'));
  if (field(v, 'doubleValue') !== undefined) return double(v, 'doubleValue');
  if (field(v, 'arrayValue') !== undefined) {
    return objects(object(v, 'arrayValue'), 'values').map(anyValue);
  }
  if (field(v, 'kvlistValue') !== undefined) {
    return attributes(object(v, 'kvlistValue'), 'values');
  }
  if (field(v, 'bytesValue') !== undefined) {
    return new Uint8Array(Buffer.from(str(v, 'bytesValue'), 'base64'));
  }
  return null;
}

/** Decodes a Resource object. */
export function resource(obj: Json): OtlpResource {
  return {
    attributes: attributes(obj),
    droppedAttributesCount: int(obj, 'droppedAttributesCount'),
  };
}

/** Decodes an InstrumentationScope object. */
export function scope(obj: Json): OtlpScope {
  return {
    name: str(obj, 'name'),
    version: str(obj, 'version'),
    attributes: attributes(obj),
  };
}

function bad(name: string, expected: string): ProtoDecodeError {
  return new ProtoDecodeError(`OTLP/JSON field ${name} is not ${expected}`);
}
