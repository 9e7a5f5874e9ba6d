/**
 * Coexistence: a host that already runs the OpenTelemetry Node SDK, a
 * second startTelemetry call, and the package loaded through both
 * `require` and `import`. Nothing is exported twice, one warning is
 * given, the host's telemetry and globals are untouched, and the
 * exporters' own requests carry no trace or correlation headers.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { correlation } from '../../src/correlation/index.js';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { pointsOf } from '../../src/receiver/query.js';
import { startTelemetry } from '../../src/setup/start.js';
import { captureOutput } from './canaries-output.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const TRACE_HEADERS = ['traceparent', 'tracestate', 'baggage', 'x-correlation-id', 'x-request-id'];

function countOf(receiver: OtlpReceiver, name: string): number {
  // Cumulative points: the last export holds the total.
  const points = pointsOf(receiver.lastMetric(name), 'histogram');
  return points.reduce((n, p) => n + Number(p.count), 0);
}

function exportHeaders(receiver: OtlpReceiver): Array<Record<string, unknown>> {
  return [...receiver.metricsExports(), ...receiver.traceExports()].map((e) => e.headers);
}

afterEach(() => startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' }).shutdown());

describe('a host running the OpenTelemetry Node SDK', () => {
  it('keeps its telemetry and globals; speechmetry exports once, warns once', async () => {
    const hostReceiver = await OtlpReceiver.start();
    const ours = await OtlpReceiver.start();
    const output = captureOutput();
    const sdk = new NodeSDK({
      serviceName: 'host-service',
      autoDetectResources: false,
      instrumentations: [],
      metricReaders: [new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: hostReceiver.endpoint('metrics') }),
        exportIntervalMillis: 3_600_000,
      })],
      spanProcessors: [new SimpleSpanProcessor(
        new OTLPTraceExporter({ url: hostReceiver.endpoint('traces') }))],
    });
    sdk.start();
    try {
      const before = [metrics.getMeterProvider(), trace.getTracerProvider(), propagation.fields()];
      const hostCounter = metrics.getMeter('host').createCounter('host.requests');

      const env = { OTEL_EXPORTER_OTLP_ENDPOINT: ours.url, OTEL_METRIC_EXPORT_INTERVAL: '3600000' };
      const first = startTelemetry({ env });
      const second = startTelemetry({ env });
      const third = startTelemetry({ env: { OTEL_SDK_DISABLED: 'true' } });
      expect(second).toBe(first);
      expect(third).toBe(first);

      // Recording and exporting inside the host's span and a correlation
      // ID: the export requests must not carry either.
      const hostSpan = trace.getTracer('host').startSpan('host-request');
      await context.with(trace.setSpan(context.active(), hostSpan), () =>
        correlation.run('corr-coexist-1', async () => {
          hostCounter.add(5);
          for (let i = 0; i < 10; i++) first.asr.start({ model: 'm' }).end({ audioSeconds: 1 });
          await first.forceFlush();
        }));
      hostSpan.end();
      expect([metrics.getMeterProvider(), trace.getTracerProvider(), propagation.fields()])
        .toEqual(before);
      expect(metrics.getMeterProvider()).toBe(before[0]);
      expect(trace.getTracerProvider()).toBe(before[1]);
      await first.shutdown();
      await sdk.shutdown();

      expect(countOf(ours, 'speech.asr.duration')).toBe(10);
      expect(ours.metrics('host.requests')).toEqual([]);
      expect(hostReceiver.metrics().some((m) => m.name.startsWith('speech.'))).toBe(false);
      expect(hostReceiver.lastMetric('host.requests')).toBeDefined();
      expect(hostReceiver.spans('host-request')).toHaveLength(1);
      expect(ours.spans('asr m')).toHaveLength(10);
      // Our spans are children of the host's span (one trace), not of an export.
      expect(new Set(ours.spans().map((s) => s.traceId)))
        .toEqual(new Set(hostReceiver.spans('host-request').map((s) => s.traceId)));
      for (const headers of [...exportHeaders(ours), ...exportHeaders(hostReceiver)]) {
        for (const h of TRACE_HEADERS) expect(headers[h], h).toBeUndefined();
      }
      expect(hostReceiver.spans().every((s) => s.name === 'host-request')).toBe(true);
      const again = output.diag('warn')
        .filter((w) => w.includes('startTelemetry was called again'));
      expect(again).toHaveLength(1);
    } finally {
      output.stop();
      await sdk.shutdown().catch(() => undefined);
      await hostReceiver.close();
      await ours.close();
    }
  });
});

const CHILD = `
import { createRequire } from 'node:module';
import { diag, DiagLogLevel } from '@opentelemetry/api';
const require = createRequire(import.meta.url);
const warns = [];
diag.setLogger({ error() {}, info() {}, debug() {}, verbose() {},
  warn: (...a) => warns.push(a.join(' ')) }, DiagLogLevel.ALL);
const cjs = require(process.env.DIST + '/index.cjs');
const esm = await import(process.env.DIST + '/index.js');
const env = { OTEL_EXPORTER_OTLP_ENDPOINT: process.env.RECEIVER,
  OTEL_METRIC_EXPORT_INTERVAL: '3600000' };
const a = esm.startTelemetry({ env });
const b = cjs.startTelemetry({ env });
for (const t of [a, b]) t.asr.start({ model: 'm' }).end({ audioSeconds: 1 });
const sharedId = esm.correlation.run('corr-shared-1', () => cjs.correlation.id());
const dropsBefore = cjs.startTelemetry({ env }).status().dropped.invalid_value;
esm.startTelemetry({ env }).asr.start({ model: 'm' }).end({ audioSeconds: -1 });
const dropsAfter = b.status().dropped.invalid_value;
await b.shutdown();
console.log(JSON.stringify({ same: a === b, sharedId, drops: dropsAfter - dropsBefore,
  again: warns.filter((w) => w.includes('called again')).length,
  esmClass: a instanceof esm.SpeechTelemetry, cjsClass: b instanceof cjs.SpeechTelemetry }));
`;

describe.skipIf(!existsSync(join(DIST, 'index.cjs')))('dist: ESM and CommonJS copies', () => {
  it('share one running instance, one correlation context and one reporter', async () => {
    const receiver = await OtlpReceiver.start();
    // Inside the repository's node_modules so the script resolves the api.
    const dir = mkdtempSync(join(ROOT, 'node_modules', '.speechmetry-dual-'));
    try {
      const script = join(dir, 'dual.mjs');
      writeFileSync(script, CHILD);
      const { stdout } = await promisify(execFile)(process.execPath, [script], {
        env: { ...process.env, DIST, RECEIVER: receiver.url },
        timeout: 20_000,
      });
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!);

      // The instance comes from whichever copy started first (ESM here), so
      // instanceof against the other copy's class is false: the known
      // dual-package limitation, documented in the README.
      expect(result).toEqual({ same: true, sharedId: 'corr-shared-1', drops: 1, again: 1,
        esmClass: true, cjsClass: false });
      // Three operations through two copies, one pipeline: one export.
      expect(countOf(receiver, 'speech.asr.duration')).toBe(3);
      expect(receiver.stats().accepted.metrics).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await receiver.close();
    }
  });
});
