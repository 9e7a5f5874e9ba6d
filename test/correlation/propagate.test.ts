import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { correlation } from '../../src/index.js';
import { reporter } from '../../src/internal/report.js';

const UUID = /^[0-9a-f-]{36}$/;
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE}-00f067aa0ba902b7-01`;
const invalid = () => reporter().dropped().invalid_correlation_id;

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(() => context.disable());
beforeEach(() => correlation.configure({ env: {} }));

describe('correlation.extract', () => {
  it('reads plain objects, Maps and fetch Headers, whatever the name case', () => {
    expect(correlation.extract({ 'X-Correlation-ID': 'obj-1' })).toBe('obj-1');
    expect(correlation.extract(new Map([['X-CORRELATION-ID', 'map-1']]))).toBe('map-1');
    expect(correlation.extract(new Headers({ 'x-correlation-id': 'hdr-1' }))).toBe('hdr-1');
    expect(correlation.extract(new Map([['x-correlation-id', Buffer.from('buf-1')]]))).toBe('buf-1');
  });

  it('prefers the header, then the alias, then the baggage member', () => {
    const all = { 'x-correlation-id': 'h', 'x-request-id': 'r', baggage: 'correlation_id=b' };
    expect(correlation.extract(all)).toBe('h');
    expect(correlation.extract({ 'x-request-id': 'r', baggage: 'correlation_id=b' })).toBe('r');
    expect(correlation.extract({ baggage: 'k=v, correlation_id=b;p=1' })).toBe('b');
  });

  it('gives a fresh ID for no carrier or an empty one, without counting', () => {
    const before = invalid();
    expect(correlation.extract(undefined)).toMatch(UUID);
    expect(correlation.extract({})).toMatch(UUID);
    expect(invalid()).toBe(before);
  });

  it('replaces and counts an invalid value, even when an alias is valid', () => {
    const before = invalid();
    const id = correlation.extract({ 'x-correlation-id': 'a\r\nb', 'x-request-id': 'ok' });
    expect(id).toMatch(UUID);
    expect(invalid()).toBe(before + 1);
  });

  it('ignores inbound IDs when trustInbound is false', () => {
    correlation.configure({ trustInbound: false });
    expect(correlation.extract({ 'x-correlation-id': 'edge-1' })).toMatch(UUID);
  });

  it('handles a 1 MB header and a 1 MB baggage without throwing', () => {
    const huge = 'a'.repeat(1 << 20);
    expect(correlation.extract({ 'x-correlation-id': huge })).toMatch(UUID);
    const bag = `correlation_id=ok-1,${'k=v,'.repeat(1 << 18)}`;
    expect(correlation.extract({ baggage: bag })).toBe('ok-1');
    expect(correlation.extract({ baggage: Buffer.from(`x=${huge}`) })).toMatch(UUID);
  });
});

describe('correlation.inject', () => {
  it('writes nothing outside a request', () => {
    expect(correlation.inject({})).toEqual({});
  });

  it('writes the header and the baggage member, and returns the carrier', () => {
    const carrier: Record<string, string> = { 'X-Correlation-Id': 'stale' };
    const out = correlation.run('job-9', () => correlation.inject(carrier));
    expect(out).toBe(carrier);
    expect(carrier).toEqual({ 'x-correlation-id': 'job-9', baggage: 'correlation_id=job-9' });
  });

  it('merges with baggage the carrier has, and drops a bad correlation member', () => {
    const fromRun = correlation.run('m-1', () =>
      correlation.inject(new Map([['baggage', 'tenant=acme,correlation_id=zz']])),
    );
    expect(fromRun.get('baggage')).toBe('correlation_id=m-1,tenant=acme');

    const passedOn = correlation.inject({ baggage: 'tenant=acme,correlation_id=a%0Db' });
    expect(passedOn.baggage).toBe('tenant=acme');
  });

  it('keeps the host baggage and writes the trace context of the active span', () => {
    const tracer = new BasicTracerProvider().getTracer('test');
    const span = tracer.startSpan('op');
    const bag = propagation.createBaggage({ tenant: { value: 'a b' } });
    const ctx = propagation.setBaggage(trace.setSpan(context.active(), span), bag);

    const carrier = context.with(ctx, () => correlation.run('t-1', () => correlation.inject({})));

    expect(carrier).toMatchObject({
      'x-correlation-id': 't-1',
      baggage: 'correlation_id=t-1,tenant=a%20b',
    });
    expect((carrier as Record<string, string>).traceparent).toContain(span.spanContext().traceId);
    span.end();
  });
});

describe('correlation.runFrom', () => {
  it('continues the carrier trace, ID and baggage', () => {
    const carrier = { traceparent: TRACEPARENT, baggage: 'tenant=acme', 'x-correlation-id': 'q-1' };

    const seen = correlation.runFrom(carrier, () => ({
      id: correlation.id(),
      trace: trace.getSpanContext(context.active())?.traceId,
      tenant: propagation.getActiveBaggage()?.getEntry('tenant')?.value,
    }));

    expect(seen).toEqual({ id: 'q-1', trace: TRACE, tenant: 'acme' });
  });

  it('starts a new trace when the traceparent is invalid', () => {
    const tracer = new BasicTracerProvider().getTracer('test');
    const bad = { traceparent: `00-${TRACE}-0000000000000000-01` };

    const span = correlation.runFrom(bad, () => tracer.startSpan('consume'));

    expect(span.spanContext().traceId).not.toBe(TRACE);
    expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((span as unknown as { parentSpanContext?: unknown }).parentSpanContext).toBeUndefined();
    span.end();
  });

  it('keeps a span the host already made current', () => {
    const tracer = new BasicTracerProvider().getTracer('test');
    const server = tracer.startSpan('server');
    const inside = context.with(trace.setSpan(ROOT_CONTEXT, server), () =>
      correlation.runFrom({ traceparent: TRACEPARENT }, () => trace.getActiveSpan()),
    );
    expect(inside).toBe(server);
    server.end();
  });
});
