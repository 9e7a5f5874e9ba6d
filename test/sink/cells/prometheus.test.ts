import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import {
  METRIC_ASR_ACTIVE_STREAMS,
  METRIC_ASR_DURATION,
  METRIC_ASR_LANGUAGE_DETECTIONS,
  SCOPE_NAME,
} from '../../../src/semconv.js';
import { CellsSink } from '../../../src/sink/cells/index.js';
import { OtelSink } from '../../../src/sink/otel-sink.js';
import type { MetricSink } from '../../../src/sink/types.js';
import { VERSION } from '../../../src/version.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Serves the exporter's handler on 127.0.0.1 and scrapes it once. */
async function scrape(exporter: PrometheusExporter): Promise<string> {
  const server = createServer((req, res) => exporter.getMetricsRequestHandler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

function record(sink: MetricSink): void {
  const attrs = { 'speech.model': 'whisper-small', 'speech.language': 'en' };
  const duration = sink.instrument(METRIC_ASR_DURATION).bind(attrs);
  for (const v of [0.2, 0.35, 0.8, 1.7, 75]) duration.record(v);
  sink.instrument(METRIC_ASR_LANGUAGE_DETECTIONS).bind({ 'speech.detection.outcome': 'correct' }).record(3);
  sink.instrument(METRIC_ASR_ACTIVE_STREAMS).bind(attrs).record(2);
}

describe('cells producer behind a PrometheusExporter', () => {
  it('serves the same exposition text as the OpenTelemetry instruments', async () => {
    const cells = new CellsSink();
    const fast = new PrometheusExporter({ preventServerStart: true, metricProducers: [cells.producer()] });
    new MeterProvider({ readers: [fast] });
    record(cells);

    const reference = new PrometheusExporter({ preventServerStart: true });
    const provider = new MeterProvider({ readers: [reference] });
    record(new OtelSink(provider.getMeter(SCOPE_NAME, VERSION)));

    const text = await scrape(fast);
    expect(text).toContain('speech_asr_duration_bucket{');
    expect(text).toMatch(/speech_asr_duration_bucket\{[^}]*le="0\.2"[^}]*\} 1/);
    expect(text).toMatch(/speech_asr_duration_count\{[^}]*\} 5/);
    expect(text).toMatch(/speech_asr_active_streams\{[^}]*\} 2/);
    expect(text).toBe(await scrape(reference));
  });
});
