import {
  OTLPMetricExporter as HttpMetricExporter,
} from '@opentelemetry/exporter-metrics-otlp-http';
import {
  OTLPMetricExporter as ProtoMetricExporter,
} from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as HttpTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationType,
  MeterProvider,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtlpReceiver, pointsOf, type ReceivedMetric } from '../../src/receiver/index.js';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await OtlpReceiver.start();
});
afterAll(async () => {
  await receiver.close();
});

const RESOURCE = resourceFromAttributes({
  'service.name': 'receiver-test',
  'deployment.environment.name': 'ci',
});

// Records a fixed set of instruments and exports them once through the
// given exporter; returns the metrics of that one export.
async function recordAndExport(exporter: PushMetricExporter): Promise<ReceivedMetric[]> {
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
  const provider = new MeterProvider({
    resource: RESOURCE,
    readers: [reader],
    views: [
      {
        instrumentName: 'test.exp',
        aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM },
      },
    ],
  });
  const meter = provider.getMeter('receiver-test-meter', '1.2.3');
  const counter = meter.createCounter('test.requests', { unit: '{request}', description: 'reqs' });
  counter.add(3, { 'speech.model': 'm1', route: '/a' });
  counter.add(4, { 'speech.model': 'm1', route: '/a' });
  counter.add(1, { 'speech.model': 'm2', route: '/b' });
  const hist = meter.createHistogram('test.duration', {
    unit: 's',
    advice: { explicitBucketBoundaries: [0.1, 0.5, 1] },
  });
  for (const v of [0.05, 0.2, 0.3, 0.7, 2]) hist.record(v, { 'speech.language': 'de' });
  const updown = meter.createUpDownCounter('test.active', { unit: '{stream}' });
  updown.add(5);
  updown.add(-2);
  const gauge = meter.createGauge('test.state');
  gauge.record(2, { rule: 'r1' });
  const exp = meter.createHistogram('test.exp', { unit: 's' });
  for (const v of [1, 2, 4, 8]) exp.record(v);

  const before = receiver.metricsExports().length;
  // Shutdown collects and exports once more; one export holds everything.
  await provider.shutdown();
  const exports = receiver.metricsExports().slice(before);
  expect(exports).toHaveLength(1);
  return exports.flatMap((e) =>
    e.request.resourceMetrics.flatMap((rm) =>
      rm.scopeMetrics.flatMap((sm) =>
        sm.metrics.map((m) => ({ ...m, resource: rm.resource, scope: sm.scope })),
      ),
    ),
  );
}

function byName(metrics: ReceivedMetric[], name: string): ReceivedMetric {
  const m = metrics.find((x) => x.name === name);
  if (m === undefined) throw new Error(`metric ${name} missing`);
  return m;
}

function checkMetrics(metrics: ReceivedMetric[]): void {
  const requests = byName(metrics, 'test.requests');
  expect(requests.resource.attributes['service.name']).toBe('receiver-test');
  expect(requests.resource.attributes['deployment.environment.name']).toBe('ci');
  expect(requests.scope).toMatchObject({ name: 'receiver-test-meter', version: '1.2.3' });
  expect(requests).toMatchObject({
    type: 'sum',
    unit: '{request}',
    description: 'reqs',
    isMonotonic: true,
    aggregationTemporality: 'cumulative',
  });
  const sums = pointsOf(requests, 'sum').map((p) => [p.attributes['speech.model'], p.value]);
  expect(sums.sort()).toEqual([
    ['m1', 7],
    ['m2', 1],
  ]);
  const p0 = pointsOf(requests, 'sum')[0]!;
  expect(p0.timeUnixNano).toBeGreaterThanOrEqual(p0.startTimeUnixNano);
  expect(p0.startTimeUnixNano).toBeGreaterThan(1_600_000_000_000_000_000n);

  const [h] = pointsOf(byName(metrics, 'test.duration'), 'histogram');
  expect(h).toMatchObject({
    attributes: { 'speech.language': 'de' },
    count: 5,
    min: 0.05,
    max: 2,
    explicitBounds: [0.1, 0.5, 1],
    bucketCounts: [1, 2, 1, 1],
  });
  expect(h!.sum).toBeCloseTo(3.25, 12);

  const active = byName(metrics, 'test.active');
  expect(active).toMatchObject({ type: 'sum', isMonotonic: false, unit: '{stream}' });
  expect(pointsOf(active, 'sum')[0]!.value).toBe(3);

  const [g] = pointsOf(byName(metrics, 'test.state'), 'gauge');
  expect(g).toMatchObject({ value: 2, attributes: { rule: 'r1' } });

  const [e] = pointsOf(byName(metrics, 'test.exp'), 'exponentialHistogram');
  expect(e).toMatchObject({ count: 4, sum: 15, min: 1, max: 8, zeroCount: 0 });
  const positives = e!.positive.bucketCounts.reduce((a, b) => a + b, 0);
  expect(positives).toBe(4);
  // Each power of two lands in its own bucket, so the base must separate them.
  expect(e!.positive.bucketCounts.filter((c) => c > 0)).toHaveLength(4);
}

describe('metrics from the real OTLP exporters', () => {
  it('decodes http/protobuf', async () => {
    const exporter = new ProtoMetricExporter({ url: receiver.endpoint('metrics') });
    checkMetrics(await recordAndExport(exporter));
    expect(receiver.metricsExports().at(-1)!.encoding).toBe('protobuf');
  });

  it('decodes http/json', async () => {
    const exporter = new HttpMetricExporter({ url: receiver.endpoint('metrics') });
    checkMetrics(await recordAndExport(exporter));
    expect(receiver.metricsExports().at(-1)!.encoding).toBe('json');
  });

  it('decodes gzip-compressed protobuf and counts wire bytes', async () => {
    const before = receiver.stats();
    const exporter = new ProtoMetricExporter({
      url: receiver.endpoint('metrics'),
      compression: CompressionAlgorithm.GZIP,
    });
    checkMetrics(await recordAndExport(exporter));
    const last = receiver.metricsExports().at(-1)!;
    expect(last.headers['content-encoding']).toBe('gzip');
    expect(last.wireBytes).toBeLessThan(last.bodyBytes);
    const after = receiver.stats();
    expect(after.wireBytes - before.wireBytes).toBe(last.wireBytes);
  });
});

async function exportSpans(exporter: SpanExporter): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: RESOURCE,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('receiver-test-tracer', '0.0.1');
  const parent = tracer.startSpan('pipeline', { kind: SpanKind.SERVER });
  const ctx = trace.setSpan(context.active(), parent);
  const child = tracer.startSpan(
    'asr whisper',
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        'speech.model': 'whisper',
        'speech.streaming': true,
        'speech.audio.seconds': 2.5,
        retries: 2,
        langs: ['en', 'de'],
      },
    },
    ctx,
  );
  child.addEvent('first_result', { 'speech.partial': 1 });
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'model timeout' });
  child.end();
  parent.end();
  await provider.forceFlush();
  await provider.shutdown();
}

function checkSpans(): void {
  const [child] = receiver.spans('asr whisper').slice(-1);
  const [parent] = receiver.spans('pipeline').slice(-1);
  expect(parent).toBeDefined();
  expect(child).toBeDefined();
  expect(child!.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(child!.spanId).toMatch(/^[0-9a-f]{16}$/);
  expect(child!.traceId).toBe(parent!.traceId);
  expect(child!.parentSpanId).toBe(parent!.spanId);
  expect(parent!.parentSpanId).toBe('');
  expect(parent!.kind).toBe('server');
  expect(child!.kind).toBe('internal');
  expect(child!.attributes).toEqual({
    'speech.model': 'whisper',
    'speech.streaming': true,
    'speech.audio.seconds': 2.5,
    retries: 2,
    langs: ['en', 'de'],
  });
  expect(child!.events).toHaveLength(1);
  expect(child!.events[0]).toMatchObject({
    name: 'first_result',
    attributes: { 'speech.partial': 1 },
  });
  expect(child!.events[0]!.timeUnixNano).toBeGreaterThanOrEqual(child!.startTimeUnixNano);
  expect(child!.status).toEqual({ code: 'error', message: 'model timeout' });
  expect(child!.endTimeUnixNano).toBeGreaterThanOrEqual(child!.startTimeUnixNano);
  expect(child!.scope).toMatchObject({ name: 'receiver-test-tracer', version: '0.0.1' });
  expect(child!.resource.attributes['service.name']).toBe('receiver-test');
}

describe('spans from the real OTLP exporters', () => {
  it('decodes http/protobuf', async () => {
    await exportSpans(new ProtoTraceExporter({ url: receiver.endpoint('traces') }));
    checkSpans();
    expect(receiver.traceExports().at(-1)!.encoding).toBe('protobuf');
  });

  it('decodes http/json', async () => {
    await exportSpans(new HttpTraceExporter({ url: receiver.endpoint('traces') }));
    checkSpans();
    expect(receiver.traceExports().at(-1)!.encoding).toBe('json');
  });

  it('waitFor resolves once a matching span arrives', async () => {
    const waiting = receiver.waitFor((r) => r.spans('late span').length > 0, 5000);
    const provider = new BasicTracerProvider({
      spanProcessors: [
        new SimpleSpanProcessor(new ProtoTraceExporter({ url: receiver.endpoint('traces') })),
      ],
    });
    provider.getTracer('t').startSpan('late span').end();
    await waiting;
    await provider.shutdown();
    expect(receiver.spans('late span')).toHaveLength(1);
  });
});
