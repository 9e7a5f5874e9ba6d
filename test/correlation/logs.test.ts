import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlation } from '../../src/index.js';

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(() => context.disable());

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('correlation.logFields', () => {
  it('is empty outside a request', () => {
    expect(correlation.logFields()).toEqual({});
  });

  it('carries the ID, and the trace and span IDs of the active span', () => {
    const span = new BasicTracerProvider().getTracer('t').startSpan('op');
    const { traceId, spanId } = span.spanContext();

    const fields = correlation.run('log-1', () =>
      context.with(trace.setSpan(context.active(), span), () => correlation.logFields()),
    );

    expect(fields).toEqual({ correlation_id: 'log-1', trace_id: traceId, span_id: spanId });
    span.end();
  });

  it('stamps pino records as its mixin', async () => {
    const { lines, stream } = capture();
    const logger = pino({ mixin: correlation.logFields }, stream);

    await correlation.run('pino-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      logger.info('transcribed');
    });
    logger.info('outside');
    await new Promise((r) => setImmediate(r));

    expect(lines[0]).toMatchObject({ msg: 'transcribed', correlation_id: 'pino-1' });
    expect(lines[1]).not.toHaveProperty('correlation_id');
  });
});
