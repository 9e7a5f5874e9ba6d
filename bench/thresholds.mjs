// Threshold windows: cost per record, cost of one evaluation tick with
// 50 rules × 20 groups, and quantile error against exact values.
// Runs on the build output: `npx tsup --no-clean && node bench/thresholds.mjs`.
import os from 'node:os';
import { DDSketch } from '@datadog/sketches-js';
import { parseThresholds, ThresholdMonitor } from '../dist/index.js';

const RUNS = 7;
console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}`);

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  return { median, min: s[0], max: s[s.length - 1] };
}
const fmt = (x) => x.toFixed(1);

// Deterministic random numbers (mulberry32) so runs compare.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const lognormal = () => Math.exp(Math.log(0.3) + 0.6 * normal());
const bimodal = () => (rand() < 0.85 ? 0.15 + 0.03 * normal() : 2.5 + 0.4 * normal());

// 1. Cost per record --------------------------------------------------------
const N = 1_000_000;
const values = Float64Array.from({ length: N }, lognormal);
const rule = (name, stat) => ({ name, metric: 'speech.translation.duration', stat,
  condition: stat === 'error_ratio' ? '< 1%' : '< 800ms', window: '60s' });

function timePerRecord(feed) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) feed(values[i]);
  return Number(process.hrtime.bigint() - t0) / N;
}

const raw = [];
const one = [];
const three = [];
for (let r = 0; r < RUNS; r++) {
  const sketch = new DDSketch({ relativeAccuracy: 0.01 });
  raw.push(timePerRecord((v) => sketch.accept(v)));
  const m1 = new ThresholdMonitor({ rules: parseThresholds({ rules: [rule('p95', 'p95')] }).rules });
  one.push(timePerRecord(m1.bind('speech.translation.duration', {})));
  // p50/p95/p99 on one metric share a window: still one insert.
  const m3 = new ThresholdMonitor({ rules: parseThresholds({ rules: [rule('a', 'p50'),
    rule('b', 'p95'), rule('c', 'p99'), rule('d', 'error_ratio')] }).rules });
  three.push(timePerRecord(m3.bind('speech.translation.duration', {})));
}
const rawS = stats(raw);
console.log('\nfeeding the windows (ns per record, median [min–max] of ' + RUNS + ' runs)');
console.log(`  raw DDSketch.accept          ${fmt(rawS.median)} [${fmt(rawS.min)}–${fmt(rawS.max)}]`);
for (const [label, s] of [['one p95 rule', stats(one)], ['p50+p95+p99+error_ratio', stats(three)]]) {
  console.log(`  ${label.padEnd(28)} ${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]` +
    `  ×${(s.median / rawS.median).toFixed(2)} raw`);
}

// 2. One evaluation tick, 50 rules × 20 groups ------------------------------
const STATS = ['p50', 'p90', 'p95', 'p99', 'mean'];
const metrics = ['speech.translation.duration', 'speech.asr.duration', 'speech.tts.duration',
  'speech.pipeline.duration', 'speech.tts.time_to_first_audio'];
const many = [];
for (let i = 0; i < 50; i++) {
  many.push({ name: `r${i}`, metric: metrics[i % 5], stat: STATS[Math.floor(i / 5) % 5],
    condition: '< 800ms', window: '60s', group_by: ['speech.model'],
    // distinct windows per rule so nothing is shared: the worst case
    where: { 'speech.domain': `d${Math.floor(i / 25)}` }, min_samples: 1 });
  many[i].window = `${60 + i}s`;
}
let now = 1_700_000_000_000;
const monitor = new ThresholdMonitor({ rules: parseThresholds({ rules: many }).rules,
  now: () => now, maxGroupsPerRule: 20 });
const feeds = [];
for (const m of metrics) for (let g = 0; g < 20; g++) for (const d of ['d0', 'd1']) {
  const f = monitor.bind(m, { 'speech.model': `m${g}`, 'speech.domain': d });
  if (f) feeds.push(f);
}
const ticks = [];
for (let r = 0; r < 20; r++) {
  for (const f of feeds) for (let i = 0; i < 50; i++) f(lognormal());
  now += 5000;
  const t0 = process.hrtime.bigint();
  monitor.evaluate();
  ticks.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const groups = monitor.status().reduce((a, s) => a + s.groups.length, 0);
const tk = stats(ticks.slice(5));
console.log(`\none evaluation tick, 50 rules × 20 groups (${groups} rule-groups, ` +
  `12-slice windows): ${tk.median.toFixed(2)} ms [${tk.min.toFixed(2)}–${tk.max.toFixed(2)}]`);

// 3. Quantile error against exact values ------------------------------------
console.log('\nquantile relative error of a 60 s window vs exact (100 000 values)');
for (const [name, gen] of [['lognormal', lognormal], ['bimodal', bimodal]]) {
  const data = Array.from({ length: 100_000 }, gen).map((v) => Math.max(v, 0.001));
  const sorted = [...data].sort((a, b) => a - b);
  const row = [];
  for (const stat of ['p50', 'p95', 'p99']) {
    let t = 1_700_000_000_000;
    const m = new ThresholdMonitor({ rules: parseThresholds({ rules: [{ name: 'q',
      metric: 'speech.translation.duration', stat, condition: '< 100s', window: '60s' }] }).rules,
      now: () => t });
    const feed = m.bind('speech.translation.duration', {});
    // spread over the window's slices, one tick per 5 s
    for (let i = 0; i < data.length; i++) {
      feed(data[i]);
      if (i % 10_000 === 9_999) { t += 5000; m.evaluate(); }
    }
    const q = { p50: 0.5, p95: 0.95, p99: 0.99 }[stat];
    const exact = sorted[Math.ceil(q * sorted.length) - 1];
    const got = m.status()[0].groups[0].value;
    row.push(`${stat} ${((Math.abs(got - exact) / exact) * 100).toFixed(2)}%`);
  }
  console.log(`  ${name.padEnd(10)} ${row.join('   ')}`);
}
