/**
 * A service that already runs the OpenTelemetry Node SDK and adds
 * speechmetry's instrument families on the SDK's own providers, without
 * a second SDK: `createTelemetry()` uses the global meter and tracer
 * providers the SDK registered.
 *
 * Run after `npm run build`:
 *
 *   OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 node examples/otel-sdk-host.mjs
 *   curl -X POST -d 'Good morning' 'http://127.0.0.1:3004/translate?target=es'
 */
import http from 'node:http';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { createTelemetry } from 'speechmetry';

// The host's existing set-up; its exporters read OTEL_EXPORTER_OTLP_*.
const sdk = new NodeSDK({
  serviceName: 'sdk-host',
  traceExporter: new OTLPTraceExporter(),
  metricReader: new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter(),
    exportIntervalMillis: Number(process.env.OTEL_METRIC_EXPORT_INTERVAL || 60_000),
  }),
  instrumentations: [],
});
sdk.start();

// speechmetry on the SDK's providers: no second pipeline.
const telemetry = createTelemetry();

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method !== 'POST' || url.pathname !== '/translate') return res.writeHead(404).end();
  let text = '';
  for await (const chunk of req) text += chunk;
  const target = url.searchParams.get('target') ?? 'de';
  const output = await telemetry.translation.measure(
    { model: 'marian-en-mul', sourceLanguage: 'en', targetLanguage: target },
    async (op) => {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const translated = `[${target}] ${text}`;
      op.end({ inputCharacters: text.length, outputCharacters: translated.length });
      return translated;
    },
  );
  res.writeHead(200, { 'content-type': 'text/plain' }).end(output);
});
server.listen(Number(process.env.PORT ?? 3004), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    server.close();
    await telemetry.shutdown();
    await sdk.shutdown();
    process.exit(0);
  });
}
