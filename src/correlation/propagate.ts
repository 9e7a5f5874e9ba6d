import {
  context,
  propagation,
  trace,
  type Baggage,
  type Context,
  type TextMapGetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { reporter } from '../internal/report.js';
import { carrierBaggage, extractBaggage, serializeBaggage } from './baggage.js';
import { carrierGetter, carrierSetter, readHeader, writeHeader } from './carrier.js';
import { settings } from './config.js';
import { contextWithId, currentCorrelationId } from './context.js';
import { freshId, isValidCorrelationId, readInbound } from './id.js';

const traceContext = new W3CTraceContextPropagator();

/** Reads one raw header value (lower-case name) from a carrier. */
export type HeaderReader = (name: string) => unknown;

/**
 * The inbound ID: the configured header, then each alias, then the
 * baggage member of `bagCtx` (or of the carrier's own baggage). The first
 * one present decides: valid, it is kept; invalid, it is counted and a
 * fresh ID replaces it. The bad value goes nowhere, not even the warning.
 */
export function chooseId(read: HeaderReader, baggageOf: () => Context | undefined): string {
  const s = settings();
  if (!s.trustInbound) return freshId();

  for (const name of [s.header, ...s.aliases]) {
    const inbound = readInbound(read(name));
    if (inbound.kind === 'absent') continue;
    if (inbound.kind === 'valid') return inbound.id;
    return replaced(name);
  }

  const ctx = baggageOf();
  const member = ctx && propagation.getBaggage(ctx)?.getEntry(s.baggageKey);
  if (!member) return freshId();
  return isValidCorrelationId(member.value) ? member.value : replaced('baggage');
}

function replaced(source: string): string {
  reporter().drop('invalid_correlation_id', source, 'replaced by a fresh ID');
  return freshId();
}

/** The ID a carrier brings, or a fresh one. Never throws. */
export function extract(carrier: unknown): string {
  try {
    return chooseId(
      (name) => readHeader(carrier, name),
      () => extractBaggage(context.active(), carrier, carrierGetter),
    );
  } catch {
    return freshId();
  }
}

/**
 * The OpenTelemetry context and ID for work that a carrier starts. Trace
 * context and baggage are taken from the carrier only when the current
 * context has none (a host's own HTTP instrumentation got there first);
 * an invalid `traceparent` leaves no parent, so the work starts a new
 * trace.
 */
export function inboundContext(
  carrier: unknown,
  getter: TextMapGetter<unknown> = carrierGetter,
  read: HeaderReader = (name) => readHeader(carrier, name),
): { id: string; ctx: Context } {
  let ctx = context.active();
  if (trace.getSpanContext(ctx) === undefined) {
    ctx = traceContext.extract(ctx, carrier, getter);
  }
  if (propagation.getBaggage(ctx) === undefined) {
    ctx = extractBaggage(ctx, carrier, getter);
  }
  const id = chooseId(read, () => ctx);
  return { id, ctx };
}

/**
 * Writes the current ID (configured header), the W3C baggage (with the ID
 * as a member, merged over what the carrier already holds) and the W3C
 * trace context into `carrier`. Nothing is written that Node or fetch
 * would reject; nothing throws.
 */
export function inject<C>(carrier: C): C {
  try {
    const s = settings();
    const id = currentCorrelationId();
    const active = context.active();
    const ctx = id === undefined ? active : contextWithId(active, id);
    if (id !== undefined) writeHeader(carrier, s.header, id);

    const merged = mergeBaggage(carrier, ctx, s.baggageKey);
    if (merged !== undefined) {
      const value = serializeBaggage(merged, s.baggageKey);
      if (value !== '') writeHeader(carrier, 'baggage', value);
    }

    traceContext.inject(active, carrier, carrierSetter);
  } catch {
    reporter().warnOnce('correlation:inject', () =>
      'correlation inject failed; the carrier was left as it was');
  }
  return carrier;
}

function mergeBaggage(carrier: unknown, ctx: Context, key: string): Baggage | undefined {
  const own = propagation.getBaggage(ctx);
  const existing = carrierBaggage(carrier, carrierGetter);
  let merged = existing ?? own;
  if (existing !== undefined && own !== undefined) {
    for (const [k, entry] of own.getAllEntries()) merged = merged!.setEntry(k, entry);
  }
  // A correlation member that is not a valid ID is never passed on, even
  // when it came in with the carrier itself.
  const member = merged?.getEntry(key);
  if (member !== undefined && !isValidCorrelationId(member.value)) {
    merged = merged!.removeEntry(key);
  }
  return merged;
}
