// Collection: 2,000 series (three histograms and an up-down counter, 500
// attribute sets each) collected through the cells producer, and the same
// series through sdk-metrics' own instruments, with the event-loop delay
// seen while collections run back to back. Run: npm run bench, or
// node bench/collect.mjs after `npx tsup --no-clean`.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import { AggregationTemporality, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  CellsSink,
  METRIC_ASR_ACTIVE_STREAMS,
  METRIC_ASR_CONFIDENCE,
  METRIC_ASR_DURATION,
  METRIC_ASR_REAL_TIME_FACTOR,
  SCOPE_NAME,
} from '../dist/index.js';
import { fmt, header, spread, table } from './support.mjs';

const METRICS = [METRIC_ASR_DURATION, METRIC_ASR_CONFIDENCE, METRIC_ASR_REAL_TIME_FACTOR, METRIC_ASR_ACTIVE_STREAMS];
const PER_METRIC = 500;
const RUNS = 41;

class ManualReader extends MetricReader {
  async onShutdown() {}
  async onForceFlush() {}
}

const attrs = (i) => ({ 'speech.model': `model-${i % 50}`, 'speech.language': `l${i}` });
const valueOf = (def, i) => (def.kind === 'updowncounter' ? 1 : (i % 97) / 90);

/** Records one value into every series through `record(def, i, v)`. */
function touchAll(record) {
  for (const def of METRICS) for (let i = 0; i < PER_METRIC; i++) record(def, i, valueOf(def, i));
}

function cellsCase(temporality) {
  const sink = new CellsSink();
  const producer = sink.producer({ temporality });
  const reader = new ManualReader({ metricProducers: [producer] });
  new MeterProvider({ readers: [reader] });
  const handles = new Map();
  const record = (def, i, v) => {
    const id = `${def.name} ${i}`;
    if (!handles.has(id)) handles.set(id, sink.instrument(def).bind(attrs(i)));
    handles.get(id).record(v);
  };
  return { record, producer, reader };
}

function otelCase(temporality) {
  const reader = new ManualReader({ aggregationTemporalitySelector: () => temporality });
  const meter = new MeterProvider({ readers: [reader] }).getMeter(SCOPE_NAME);
  const instruments = new Map(
    METRICS.map((def) => [
      def.name,
      def.kind === 'histogram'
        ? meter.createHistogram(def.name, { advice: { explicitBucketBoundaries: [...def.buckets] } })
        : meter.createUpDownCounter(def.name),
    ]),
  );
  const sets = Array.from({ length: PER_METRIC }, (_, i) => attrs(i));
  const record = (def, i, v) => {
    const inst = instruments.get(def.name);
    if (def.kind === 'histogram') inst.record(v, sets[i]);
    else inst.add(v, sets[i]);
  };
  return { record, reader };
}

/** Collect `collect()` RUNS times with every series touched in between. */
async function timeCollections(record, collect) {
  const samples = [];
  let points = 0;
  for (let r = 0; r < RUNS + 3; r++) {
    touchAll(record);
    const t0 = process.hrtime.bigint();
    const result = await collect();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r >= 3) samples.push(ms); // the first three warm up
    points = result.resourceMetrics.scopeMetrics.reduce(
      (n, s) => n + s.metrics.reduce((m, x) => m + x.dataPoints.length, 0),
      0,
    );
    await tick();
  }
  return { ...spread(samples), points };
}

/**
 * The longest the event loop waited while collections ran back to back
 * with a timer-driven task beside them (resolution 1 ms).
 */
async function loopDelay(record, collect) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  for (let r = 0; r < RUNS; r++) {
    touchAll(record);
    await collect();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  h.disable();
  return { p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

async function main() {
  header(`collection: ${METRICS.length * PER_METRIC} series (3 histograms + 1 up-down counter)`);
  const rows = [];
  for (const [label, temporality] of [
    ['cumulative', AggregationTemporality.CUMULATIVE],
    ['delta', AggregationTemporality.DELTA],
  ]) {
    const cells = cellsCase(temporality);
    const otel = otelCase(temporality);
    const producer = await timeCollections(cells.record, () => cells.producer.collect());
    const viaReader = await timeCollections(cells.record, () => cells.reader.collect());
    const reference = await timeCollections(otel.record, () => otel.reader.collect());
    const delay = await loopDelay(cells.record, () => cells.reader.collect());
    const row = (name, f, d) => [
      name, label, String(f.points), fmt(f.median, 2), fmt(f.p10, 2), fmt(f.p90, 2),
      fmt(reference.median / f.median, 2), d ? `${fmt(d.p99, 1)} / ${fmt(d.max, 1)}` : '',
    ];
    rows.push(row('CellsProducer.collect()', producer));
    rows.push(row('MetricReader.collect() with the producer', viaReader, delay));
    rows.push(row('sdk-metrics instruments, MetricReader.collect()', reference));
  }
  table(
    ['path', 'temporality', 'points', 'ms median', 'p10', 'p90', 'sdk ÷ this', 'loop delay p99 / max, ms'],
    rows,
  );
  console.log('goal: 2,000 series collected in under 5 ms, loop never blocked longer than that');
}

await main();
