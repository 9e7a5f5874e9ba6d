import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** One header value as HTTP servers and message brokers hand it over. */
export type HeaderValue = string | readonly string[] | Uint8Array | number | undefined;

/** A fetch `Headers` or anything with the same `get`/`set`. */
export interface HeadersLike {
  /** The header's value, or null when it is absent. */
  get(name: string): string | null;
  /** Sets the header, replacing any earlier value. */
  set(name: string, value: string): void;
}

/**
 * Where headers live: Node's `req.headers`, a message's header map (Kafka,
 * AMQP, SQS attributes flattened to strings or Buffers), a `Map`, or a
 * fetch `Headers`. Names are matched case-insensitively.
 * @public
 */
export type CorrelationCarrier =
  | Record<string, HeaderValue | unknown>
  | Map<string, HeaderValue | unknown>
  | HeadersLike;

function isHeadersLike(c: object): c is HeadersLike {
  const h = c as Partial<HeadersLike>;
  return typeof h.get === 'function' && typeof h.set === 'function';
}

/** The raw value of header `name` (lower case), Buffers left as they are. */
export function readHeader(carrier: unknown, name: string): unknown {
  if (carrier === null || typeof carrier !== 'object') return undefined;
  if (carrier instanceof Map) return readMap(carrier, name);
  if (isHeadersLike(carrier)) return carrier.get(name) ?? undefined;
  const record = carrier as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(record, name)) return record[name];
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name) return record[key];
  }
  return undefined;
}

function readMap(map: Map<unknown, unknown>, name: string): unknown {
  if (map.has(name)) return map.get(name);
  for (const [key, value] of map) {
    if (typeof key === 'string' && key.toLowerCase() === name) return value;
  }
  return undefined;
}

// Node rejects header values outside tab, visible ASCII and latin1; fetch
// rejects CR, LF and NUL. Staying within tab and visible ASCII satisfies
// both, so no write can throw ERR_INVALID_CHAR.
const SAFE_VALUE = /^[\t\x20-\x7e]*$/;

/** Whether `value` can be written as a header value anywhere. */
export function isSafeHeaderValue(value: string): boolean {
  return SAFE_VALUE.test(value);
}

/**
 * Writes header `name` (lower case): replaces any differently-cased copy
 * in a plain object or Map so the carrier holds one value. Values that
 * are not safe header values are not written.
 */
export function writeHeader(carrier: unknown, name: string, value: string): void {
  if (carrier === null || typeof carrier !== 'object') return;
  if (!isSafeHeaderValue(value)) return;
  if (carrier instanceof Map) {
    for (const key of [...carrier.keys()]) {
      if (typeof key === 'string' && key !== name && key.toLowerCase() === name) {
        carrier.delete(key);
      }
    }
    carrier.set(name, value);
  } else if (isHeadersLike(carrier)) {
    carrier.set(name, value);
  } else {
    const record = carrier as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== name && key.toLowerCase() === name) delete record[key];
    }
    record[name] = value;
  }
}

function asText(value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
  }
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const v of value) {
      const t = asText(v);
      if (typeof t === 'string') out.push(t);
    }
    return out;
  }
  return undefined;
}

/** OpenTelemetry getter over any {@link CorrelationCarrier}. */
export const carrierGetter: TextMapGetter<unknown> = {
  keys(carrier) {
    if (carrier instanceof Map) return [...carrier.keys()].map(String);
    if (carrier !== null && typeof carrier === 'object' && !isHeadersLike(carrier)) {
      return Object.keys(carrier);
    }
    return [];
  },
  get(carrier, key) {
    return asText(readHeader(carrier, key.toLowerCase()));
  },
};

/** OpenTelemetry setter over any {@link CorrelationCarrier}. */
export const carrierSetter: TextMapSetter<unknown> = {
  set(carrier, key, value) {
    writeHeader(carrier, key.toLowerCase(), String(value));
  },
};
