/**
 * Decoders for opentelemetry/proto/common/v1 and resource/v1: AnyValue,
 * KeyValue, InstrumentationScope and Resource.
 */
import type { OtlpAttributes, OtlpResource, OtlpScope, OtlpValue } from './types.js';
import {
  ProtoReader,
  WIRE_I64,
  WIRE_LEN,
  WIRE_VARINT,
  expectWire,
} from './wire.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An int64 as a number when exact, else as a bigint. */
export function narrowInt(v: bigint): number | bigint {
  return v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : v;
}

/** Bytes as lowercase hex (trace and span IDs). */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

// AnyValue: string_value = 1, bool_value = 2, int_value = 3,
// double_value = 4, array_value = 5, kvlist_value = 6, bytes_value = 7.
/** Decodes an `AnyValue` message; an empty one is `null`. */
export function decodeAnyValue(r: ProtoReader): OtlpValue {
  let value: OtlpValue = null;
  while (r.more()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1:
        expectWire(wire, WIRE_LEN);
        value = r.string();
        break;
      case 2:
        expectWire(wire, WIRE_VARINT);
        value = r.bool();
        break;
      case 3:
        expectWire(wire, WIRE_VARINT);
        value = narrowInt(r.varint64());
        break;
      case 4:
        expectWire(wire, WIRE_I64);
        value = r.double();
        break;
      case 5:
        expectWire(wire, WIRE_LEN);
        value = decodeArray(r.message());
        break;
      case 6:
        expectWire(wire, WIRE_LEN);
        value = decodeAttributes(r.message(), 1);
        break;
      case 7:
        expectWire(wire, WIRE_LEN);
        value = r.bytesField().slice();
        break;
      default:
        r.skip(wire);
    }
  }
  return value;
}

// ArrayValue: repeated AnyValue values = 1.
function decodeArray(r: ProtoReader): OtlpValue[] {
  const out: OtlpValue[] = [];
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) out.push(decodeAnyValue(r.message()));
    else r.skip(wire);
  }
  return out;
}

// KeyValue: key = 1, value = 2.
/** Decodes one `KeyValue` message into `into`. */
export function decodeKeyValue(r: ProtoReader, into: OtlpAttributes): void {
  let key = '';
  let value: OtlpValue = null;
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) key = r.string();
    else if (field === 2 && wire === WIRE_LEN) value = decodeAnyValue(r.message());
    else r.skip(wire);
  }
  into[key] = value;
}

/**
 * Decodes the repeated `KeyValue` field numbered `kvField` of a message
 * that holds nothing else of interest (KeyValueList: values = 1).
 */
function decodeAttributes(r: ProtoReader, kvField: number): OtlpAttributes {
  const out: OtlpAttributes = {};
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === kvField && wire === WIRE_LEN) decodeKeyValue(r.message(), out);
    else r.skip(wire);
  }
  return out;
}

// Resource: attributes = 1, dropped_attributes_count = 2.
/** Decodes a `Resource` message. */
export function decodeResource(r: ProtoReader): OtlpResource {
  const out: OtlpResource = { attributes: {}, droppedAttributesCount: 0 };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) decodeKeyValue(r.message(), out.attributes);
    else if (field === 2 && wire === WIRE_VARINT) out.droppedAttributesCount = r.varint();
    else r.skip(wire);
  }
  return out;
}

// InstrumentationScope: name = 1, version = 2, attributes = 3.
/** Decodes an `InstrumentationScope` message. */
export function decodeScope(r: ProtoReader): OtlpScope {
  const out: OtlpScope = { name: '', version: '', attributes: {} };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) out.name = r.string();
    else if (field === 2 && wire === WIRE_LEN) out.version = r.string();
    else if (field === 3 && wire === WIRE_LEN) decodeKeyValue(r.message(), out.attributes);
    else r.skip(wire);
  }
  return out;
}

/** An empty resource, for batches that carry none. */
export function emptyResource(): OtlpResource {
  return { attributes: {}, droppedAttributesCount: 0 };
}

/** An empty scope, for batches that carry none. */
export function emptyScope(): OtlpScope {
  return { name: '', version: '', attributes: {} };
}
