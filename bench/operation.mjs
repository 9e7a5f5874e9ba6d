// One ASR operation, start to end, with its span and its metrics: through
// speechmetry (cells sink, the default of startTelemetry) and through the
// OpenTelemetry API directly (a span and the same records with the same
// attributes), in the same run, on the same providers.
//
//   npm run build && node bench/operation.mjs
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { CellsSink, createTelemetry, LATENCY_BUCKETS_SECONDS } from '../dist/index.js';
import { fmt, header, measureAll, table } from './support.mjs';

class Reader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}

// Spans are created and ended as in production, then dropped: a processor
// that exports nothing keeps the exporter's cost out of both sides alike.
const dropSpans = {
  onStart() {},
  onEnd() {},
  forceFlush: async () => {},
  shutdown: async () => {},
};

function providers(cells) {
  const reader = new Reader({ metricProducers: cells ? [cells.producer()] : [] });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [dropSpans] });
  return { meterProvider, tracerProvider };
}

function speechmetryOperation() {
  const cells = new CellsSink();
  const telemetry = createTelemetry({ ...providers(cells), cells, env: {} });
  const attributes = { model: 'whisper-small', language: 'en', streaming: true };
  const result = { audioSeconds: 4.2, confidence: 0.91 };
  return (n) => {
    for (let i = 0; i < n; i++) {
      const op = telemetry.asr.start(attributes);
      op.firstResult();
      op.end(result);
    }
  };
}

function directOperation() {
  const { meterProvider, tracerProvider } = providers();
  const meter = meterProvider.getMeter('direct');
  const tracer = tracerProvider.getTracer('direct');
  const advice = { advice: { explicitBucketBoundaries: LATENCY_BUCKETS_SECONDS } };
  const duration = meter.createHistogram('speech.asr.duration', advice);
  const firstResult = meter.createHistogram('speech.asr.time_to_first_result', advice);
  const audio = meter.createHistogram('speech.asr.audio.duration');
  const rtf = meter.createHistogram('speech.asr.real_time_factor');
  const confidence = meter.createHistogram('speech.asr.confidence');
  const active = meter.createUpDownCounter('speech.asr.active_streams');
  const attrs = { 'speech.model': 'whisper-small', 'speech.language': 'en', 'speech.streaming': true };
  return (n) => {
    for (let i = 0; i < n; i++) {
      const span = tracer.startSpan('asr whisper-small', { attributes: attrs });
      const start = performance.now();
      active.add(1, attrs);
      const t1 = (performance.now() - start) / 1000;
      firstResult.record(t1, attrs);
      span.addEvent('speech.first_result');
      const seconds = (performance.now() - start) / 1000;
      duration.record(seconds, attrs);
      audio.record(4.2, attrs);
      rtf.record(seconds / 4.2, attrs);
      confidence.record(0.91, attrs);
      active.add(-1, attrs);
      span.end();
    }
  };
}

header('One ASR operation with its span and metrics (ns per operation)');
const [ours, direct] = measureAll([speechmetryOperation(), directOperation()], { runs: 21 });
table(
  ['path', 'median ns', 'p10', 'p90'],
  [
    ['speechmetry asr.start → firstResult → end', fmt(ours.median, 0), fmt(ours.p10, 0), fmt(ours.p90, 0)],
    ['OpenTelemetry API: span + same records', fmt(direct.median, 0), fmt(direct.p10, 0), fmt(direct.p90, 0)],
  ],
);
console.log(`ratio (direct ÷ speechmetry): ${fmt(direct.median / ours.median, 2)}×`);
