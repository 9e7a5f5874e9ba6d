import { context } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ATTR_CORRELATION_ID, correlation, createTelemetry } from '../../src/index.js';
// @ts-expect-error: a plain .mjs example without declarations
import * as example from '../../examples/queue-correlation.mjs';

// The example imports 'speechmetry' as a service would; the test runs it
// against the sources instead of the build.
vi.mock('speechmetry', () => import('../../src/index.js'));

const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const telemetry = createTelemetry({ tracerProvider, env: {} });

afterAll(async () => {
  await telemetry.shutdown();
  context.disable();
});

describe('examples/queue-correlation.mjs', () => {
  it('runs on the sources', async () => {
    const resolved = (await import('speechmetry')) as { correlation: unknown };
    expect(resolved.correlation).toBe(correlation);
  });

  it('gives the producer and consumer spans one correlation ID and one trace', async () => {
    const queue = new example.MemoryQueue();

    const sent = await example.gatewayRequest(telemetry, queue, 'upload-1');
    const message = await queue.next();
    const done = await example.workerHandle(telemetry, message);

    expect(sent).toBe('upload-1');
    expect(done).toEqual({ id: 'upload-1', output: 'guten Morgen' });
    expect(Buffer.isBuffer(message.headers['x-correlation-id'])).toBe(true);
    const spans = exporter.getFinishedSpans();
    const asr = spans.find((s) => s.name.startsWith('asr'))!;
    const mt = spans.find((s) => s.name.startsWith('translation'))!;
    expect(asr.attributes[ATTR_CORRELATION_ID]).toBe('upload-1');
    expect(mt.attributes[ATTR_CORRELATION_ID]).toBe('upload-1');
    expect(mt.spanContext().traceId).toBe(asr.spanContext().traceId);
    expect(mt.parentSpanContext?.spanId).toBe(asr.spanContext().spanId);
  });

  it('keeps concurrent jobs apart', async () => {
    const queue = new example.MemoryQueue();
    const ids = Array.from({ length: 50 }, (_, i) => `job-${i}`);

    await Promise.all(ids.map((id) => example.gatewayRequest(telemetry, queue, id)));
    const results = await Promise.all(
      ids.map(async () => {
        const message = await queue.next();
        const sentId = message.headers['x-correlation-id'].toString();
        return [sentId, (await example.workerHandle(telemetry, message)).id];
      }),
    );

    for (const [sentId, workerId] of results) expect(workerId).toBe(sentId);
    expect(new Set(results.map(([id]) => id))).toEqual(new Set(ids));
  });
});
