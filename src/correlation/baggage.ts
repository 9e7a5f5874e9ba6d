import {
  propagation,
  ROOT_CONTEXT,
  type Baggage,
  type BaggageEntry,
  type Context,
  type TextMapGetter,
} from '@opentelemetry/api';
import { W3CBaggagePropagator } from '@opentelemetry/core';

/**
 * W3C baggage limits, as OpenTelemetry's propagator applies them: 180
 * members, 4096 bytes per member, 8192 bytes in all. A member that would
 * cross a limit is left out whole, never cut.
 */
export const BAGGAGE_MAX_MEMBERS = 180;
export const BAGGAGE_MAX_MEMBER_LENGTH = 4096;
export const BAGGAGE_MAX_LENGTH = 8192;
const BAGGAGE_HEADER = 'baggage';

const propagator = new W3CBaggagePropagator();

/**
 * The first `BAGGAGE_MAX_LENGTH` characters of a baggage header, cut back
 * to the last complete member. Reading no further keeps a 1 MB header as
 * cheap as a small one; repeated headers are joined as the spec says.
 */
export function limitBaggageHeader(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  let text = '';
  if (Array.isArray(value)) {
    for (const part of value) {
      text = text === '' ? part : `${text},${part}`;
      if (text.length > BAGGAGE_MAX_LENGTH) break;
    }
  } else {
    text = value;
  }
  if (text.length <= BAGGAGE_MAX_LENGTH) return text;
  // A comma at the limit means the member before it ended exactly there.
  const cut = text.lastIndexOf(',', BAGGAGE_MAX_LENGTH);
  return cut < 0 ? '' : text.slice(0, cut);
}

/** Extracts inbound baggage into `ctx`, within the limits. */
export function extractBaggage(
  ctx: Context,
  carrier: unknown,
  getter: TextMapGetter<unknown>,
): Context {
  const limited: TextMapGetter<unknown> = {
    keys: (c) => getter.keys(c),
    get: (c, key) =>
      key === BAGGAGE_HEADER ? limitBaggageHeader(getter.get(c, key)) : getter.get(c, key),
  };
  return propagator.extract(ctx, carrier, limited);
}

/** The baggage a carrier already holds, parsed within the limits. */
export function carrierBaggage(
  carrier: unknown,
  getter: TextMapGetter<unknown>,
): Baggage | undefined {
  return propagation.getBaggage(extractBaggage(ROOT_CONTEXT, carrier, getter));
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Metadata is kept only when it is printable ASCII without a comma: it is
// written as is, and must neither split the list nor break the header.
const SAFE_METADATA = /^[\x20-\x2b\x2d-\x7e]*$/;

/**
 * Serialises `baggage` for the wire with `firstKey` first, so the
 * correlation member survives the limits whatever else the baggage holds.
 * Members whose key or value cannot be encoded are left out.
 */
export function serializeBaggage(baggage: Baggage, firstKey: string): string {
  const first = baggage.getEntry(firstKey);
  const ordered: [string, BaggageEntry][] = first ? [[firstKey, first]] : [];
  for (const pair of baggage.getAllEntries()) if (pair[0] !== firstKey) ordered.push(pair);

  const members: string[] = [];
  let length = 0;
  for (const [key, entry] of ordered) {
    if (members.length >= BAGGAGE_MAX_MEMBERS) break;
    const member = encodeMember(key, entry.value, entry.metadata?.toString());
    if (member === undefined || member.length > BAGGAGE_MAX_MEMBER_LENGTH) continue;
    const added = member.length + (members.length > 0 ? 1 : 0);
    if (length + added > BAGGAGE_MAX_LENGTH) continue;
    members.push(member);
    length += added;
  }
  return members.join(',');
}

function encodeMember(
  key: string,
  value: string,
  metadata: string | undefined,
): string | undefined {
  let k: string;
  let v: string;
  try {
    k = encodeURIComponent(key);
    v = encodeURIComponent(value);
  } catch {
    return undefined; // lone surrogate: not encodable
  }
  if (!TOKEN.test(k)) return undefined;
  const meta = metadata !== undefined && SAFE_METADATA.test(metadata) ? `;${metadata}` : '';
  return `${k}=${v}${meta}`;
}
