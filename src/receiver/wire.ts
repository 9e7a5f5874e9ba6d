/**
 * A reader for the protobuf binary wire format, written for the OTLP
 * messages the receiver decodes. It knows the four wire types OTLP uses
 * (varint, 64-bit, length-delimited, 32-bit) and nothing about schemas:
 * the message decoders say which field means what.
 */

/** Protobuf wire types (the low three bits of a field tag). */
export const WIRE_VARINT = 0;
/** 64-bit little-endian scalar: fixed64, sfixed64, double. */
export const WIRE_I64 = 1;
/** Length-delimited: strings, bytes, messages, packed repeated scalars. */
export const WIRE_LEN = 2;
/** 32-bit little-endian scalar: fixed32, sfixed32, float. */
export const WIRE_I32 = 5;

/** The bytes given to a decoder are not a valid message of that type. */
export class ProtoDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtoDecodeError';
  }
}

const TWO_POW_32 = 2 ** 32;
const utf8 = new TextDecoder('utf-8');

/** A cursor over one message's bytes. */
export class ProtoReader {
  pos = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** True while there are bytes left to read. */
  more(): boolean {
    return this.pos < this.bytes.length;
  }

  /** Reads a field tag; returns the field number and the wire type. */
  tag(): [field: number, wire: number] {
    const t = this.varint();
    const field = Math.floor(t / 8);
    if (field === 0) throw new ProtoDecodeError(`field number 0 at ${this.pos}`);
    return [field, t % 8];
  }

  /**
   * Reads a varint as an unsigned number. Exact up to 2^53; larger values
   * (which OTLP only uses for int64 attributes) go through
   * {@link ProtoReader.varint64}.
   */
  varint(): number {
    const [lo, hi] = this.varintParts();
    return hi * TWO_POW_32 + lo;
  }

  /** Reads a varint as a signed 64-bit integer (int64). */
  varint64(): bigint {
    const [lo, hi] = this.varintParts();
    return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  }

  /** Reads a zigzag-encoded varint (sint32, sint64 within 2^53). */
  sint(): number {
    const [lo, hi] = this.varintParts();
    const n = BigInt.asUintN(64, (BigInt(hi) << 32n) | BigInt(lo));
    return Number((n >> 1n) ^ -(n & 1n));
  }

  /** Reads a varint that is a bool. */
  bool(): boolean {
    return this.varint() !== 0;
  }

  /** Reads a fixed64 as an unsigned bigint. */
  fixed64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** Reads an sfixed64 as a signed bigint. */
  sfixed64(): bigint {
    return BigInt.asIntN(64, this.fixed64());
  }

  /** Reads a fixed32 as an unsigned number. */
  fixed32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** Reads a little-endian IEEE 754 double. */
  double(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** Reads a length-delimited field's bytes (a view, not a copy). */
  bytesField(): Uint8Array {
    const length = this.varint();
    this.need(length);
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  /** Reads a length-delimited UTF-8 string. */
  string(): string {
    return utf8.decode(this.bytesField());
  }

  /** Reads a length-delimited embedded message as a reader of its own. */
  message(): ProtoReader {
    return new ProtoReader(this.bytesField());
  }

  /** Skips one field's value of the given wire type. */
  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varintParts();
        return;
      case WIRE_I64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.bytesField();
        return;
      case WIRE_I32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        // Groups (3, 4) were deprecated before OTLP existed.
        throw new ProtoDecodeError(`unsupported wire type ${wire} at ${this.pos}`);
    }
  }

  private need(n: number): void {
    if (this.pos + n > this.bytes.length) {
      throw new ProtoDecodeError(`truncated message: need ${n} bytes at ${this.pos}`);
    }
  }

  // A varint carries 7 bits per byte, at most ten bytes for 64 bits. The
  // halves are accumulated separately because JS bit operators are 32-bit.
  private varintParts(): [lo: number, hi: number] {
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      this.need(1);
      const b = this.bytes[this.pos++]!;
      const bits = b & 0x7f;
      if (i < 4) lo += bits * 2 ** (7 * i);
      else if (i === 4) {
        lo += (bits & 0x0f) * 2 ** 28;
        hi += bits >> 4;
      } else hi += bits * 2 ** (7 * i - 32);
      if (b < 0x80) return [lo, hi % TWO_POW_32];
    }
    throw new ProtoDecodeError(`varint longer than 10 bytes at ${this.pos}`);
  }
}

/**
 * Reads a repeated scalar field that may arrive packed (one
 * length-delimited run) or unpacked (one tag per value); proto3 senders
 * use the packed form but parsers must accept both.
 */
export function readRepeated<T>(
  r: ProtoReader,
  wire: number,
  scalarWire: number,
  read: (r: ProtoReader) => T,
  into: T[],
): void {
  if (wire === WIRE_LEN) {
    const packed = r.message();
    while (packed.more()) into.push(read(packed));
    return;
  }
  expectWire(wire, scalarWire);
  into.push(read(r));
}

/** Throws when a known field arrives with a wire type it cannot have. */
export function expectWire(actual: number, expected: number): void {
  if (actual !== expected) {
    throw new ProtoDecodeError(`wire type ${actual} where ${expected} was expected`);
  }
}
