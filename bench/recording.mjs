// The recording hot path: the metric records and threshold feed of one
// ASR operation (duration, audio duration, real-time factor, confidence,
// WER, CER: six histogram records, plus the active-streams up-down
// counter +1 and -1), through the cells sink and through the
// OpenTelemetry API, beside the floor (bucket increments on resolved
// series). Run: npm run bench, or node --expose-gc bench/recording.mjs
// after `npx tsup --no-clean`.
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  CellsSink,
  METRIC_ASR_ACTIVE_STREAMS as ACTIVE,
  METRIC_ASR_AUDIO_DURATION,
  METRIC_ASR_CHARACTER_ERROR_RATE,
  METRIC_ASR_CONFIDENCE,
  METRIC_ASR_DURATION,
  METRIC_ASR_REAL_TIME_FACTOR,
  METRIC_ASR_WORD_ERROR_RATE,
} from '../dist/index.js';
import { ensureGc, fmt, header, loadInternals, measureAll, table } from './support.mjs';

ensureGc(fileURLToPath(import.meta.url));

const HISTOGRAMS = [
  METRIC_ASR_DURATION,
  METRIC_ASR_AUDIO_DURATION,
  METRIC_ASR_REAL_TIME_FACTOR,
  METRIC_ASR_CONFIDENCE,
  METRIC_ASR_WORD_ERROR_RATE,
  METRIC_ASR_CHARACTER_ERROR_RATE,
];
const SETS = 8; // attribute sets the operations rotate through (power of 2)
const attributeSets = Array.from({ length: SETS }, (_, i) =>
  Object.freeze({
    'speech.model': `whisper-${i}`,
    'speech.language': i % 2 ? 'de' : 'en',
    'speech.streaming': i % 3 === 0,
  }),
);

// Plausible values for each histogram, varied so every bucket is used.
const VALUES = 4096;
const values = HISTOGRAMS.map((def) => {
  const top = def.buckets.at(-1) * 1.2;
  const out = new Float64Array(VALUES);
  for (let i = 0; i < VALUES; i++) out[i] = Math.min(Math.random() * top, def.range[1]);
  return out;
});

/** The threshold feed stand-in: pushes each value into a ring. */
function createFeed() {
  const ring = new Float64Array(1 << 16);
  let at = 0;
  const push = (v) => {
    ring[at] = v;
    at = (at + 1) & 0xffff;
  };
  return { feed: { bind: () => push }, push, ring };
}

// --- the floor: resolved series as bare typed arrays --------------------

function floorOp() {
  const bounds = HISTOGRAMS.map((d) => Float64Array.from(d.buckets));
  const series = Array.from({ length: SETS }, () =>
    bounds.map((b) => ({ counts: new Float64Array(b.length + 1), sum: 0, n: 0 })),
  );
  const active = new Float64Array(SETS);
  const { push } = createFeed();
  return (iterations) => {
    for (let i = 0; i < iterations; i++) {
      const s = i & (SETS - 1);
      const cells = series[s];
      active[s] += 1;
      for (let h = 0; h < 6; h++) {
        const v = values[h][i & (VALUES - 1)];
        const b = bounds[h];
        let lo = 0;
        let hi = b.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (b[mid] < v) lo = mid + 1;
          else hi = mid;
        }
        const c = cells[h];
        c.counts[lo]++;
        c.sum += v;
        c.n++;
        push(v);
      }
      active[s] -= 1;
    }
  };
}

// --- speechmetry: bound handles on the cells sink -----------------------

function handlesOp(sink, bind) {
  const ops = attributeSets.map((attrs) => ({
    active: bind(sink, ACTIVE, attrs),
    h: HISTOGRAMS.map((def) => bind(sink, def, attrs)),
  }));
  return (iterations) => {
    for (let i = 0; i < iterations; i++) {
      const op = ops[i & (SETS - 1)];
      const j = i & (VALUES - 1);
      op.active.record(1);
      for (let h = 0; h < 6; h++) op.h[h].record(values[h][j]);
      op.active.record(-1);
    }
  };
}

// --- OpenTelemetry API: Histogram.record with the attribute object ------

function otelOp() {
  const reader = new (class extends MetricReader {
    async onShutdown() {}
    async onForceFlush() {}
  })();
  const meter = new MeterProvider({ readers: [reader] }).getMeter('bench');
  const histograms = HISTOGRAMS.map((d) =>
    meter.createHistogram(d.name, { advice: { explicitBucketBoundaries: [...d.buckets] } }),
  );
  const active = meter.createUpDownCounter(ACTIVE.name);
  const { push } = createFeed();
  return (iterations) => {
    for (let i = 0; i < iterations; i++) {
      const attrs = attributeSets[i & (SETS - 1)];
      const j = i & (VALUES - 1);
      active.add(1, attrs);
      for (let h = 0; h < 6; h++) {
        const v = values[h][j];
        histograms[h].record(v, attrs);
        push(v);
      }
      active.add(-1, attrs);
    }
  };
}

/**
 * Heap growth and garbage collections over about `records` records (8 per
 * operation). Without allocation the heap does not move and no scavenge
 * runs; heap growth alone would hide garbage that a scavenge collected.
 */
async function allocation(run, records) {
  const ops = Math.round(records / 8);
  run(10_000);
  globalThis.gc();
  globalThis.gc();
  let gcs = 0;
  const observer = new PerformanceObserver((list) => (gcs += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  const before = process.memoryUsage().heapUsed;
  run(ops);
  const during = process.memoryUsage().heapUsed - before;
  // GC entries are delivered asynchronously; let them arrive first.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  globalThis.gc();
  const after = process.memoryUsage().heapUsed - before;
  return { ops, during, after, gcs };
}

async function main() {
  header('recording: one ASR operation (6 histogram records + up-down ±1 + threshold feed)');
  const { Recorder } = await loadInternals();

  const raw = (sink, def, attrs) => {
    const feed = createFeed().push;
    const h = sink.instrument(def).bind(attrs);
    return def === ACTIVE ? h : { record: (v) => (h.record(v), feed(v)) };
  };
  const recorders = new Map();
  const validated = (sink, def, attrs) => {
    if (!recorders.has(sink)) recorders.set(sink, new Recorder(sink, createFeed().feed));
    return recorders.get(sink).series(def, attrs);
  };

  const cells = new CellsSink();
  cells.producer();
  const cases = [
    ['floor: binary search + Float64Array increments, series resolved', floorOp()],
    ['speechmetry: Series (validation + feed) → CellsSink handles', handlesOp(cells, validated)],
    ['speechmetry: CellsSink handles + feed, no validation', handlesOp(new CellsSink(), raw)],
    ['OpenTelemetry API: Histogram.record(v, attrs) ×6, add ±1', otelOp()],
  ];
  const figures = measureAll(cases.map(([, fn]) => fn), { runs: 31 });
  const floor = figures[0].median;
  const otel = figures[3].median;
  table(
    ['path', 'ns/op median', 'p10', 'p90', '× floor', 'OTel ÷ this'],
    cases.map(([name], i) => {
      const f = figures[i];
      return [name, fmt(f.median, 1), fmt(f.p10, 1), fmt(f.p90, 1), fmt(f.median / floor, 2), fmt(otel / f.median, 1)];
    }),
  );
  const ours = figures[1].median;
  console.log(`goal ≤ 500 ns/op: ${ours <= 500 ? 'met' : 'missed'} (${fmt(ours, 1)} ns)`);
  console.log(`goal ≥ 10× faster than the OpenTelemetry API: ${otel / ours >= 10 ? 'met' : 'missed'} (${fmt(otel / ours, 1)}×)\n`);

  const records = 10_000_000;
  const rows = [];
  const paths = [
    ['speechmetry Series → CellsSink', handlesOp(new CellsSink(), validated)],
    ['OpenTelemetry API', otelOp()],
  ];
  for (const [name, fn] of paths) {
    // The OpenTelemetry path gets a tenth of the records: it is slow.
    const n = name.startsWith('OpenTelemetry') ? records / 10 : records;
    const a = await allocation(fn, n);
    const mb = (b) => fmt(b / 1024 / 1024, 2);
    rows.push([name, String(a.ops * 8), mb(a.during), mb(a.after), String(a.gcs)]);
  }
  console.log('allocation (8 records per operation, feed included):');
  table(['path', 'records', 'heap growth, MB (no GC)', 'after gc(), MB', 'GC runs during'], rows);
}

await main();
