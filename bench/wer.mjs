// WER with full alignment on a long transcript pair: speechmetry's
// processWords against the npm package word-error-rate and a plain
// two-row dynamic programme (distance only, the raw building block),
// in the same run. Run after a build:
//   npx tsup --no-clean && node --expose-gc bench/wer.mjs
import { createRequire } from 'node:module';
import os from 'node:os';
import { processWords } from '../dist/quality.js';

const require = createRequire(import.meta.url);
const wordErrorRate = require('word-error-rate');

// Deterministic text: a Zipf-like vocabulary of 3,000 words.
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const vocab = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
const word = () => vocab[Math.floor(vocab.length * rand() ** 2)];

/** A reference of n words and a hypothesis with about 10% errors. */
function pair(n) {
  const ref = Array.from({ length: n }, word);
  const hyp = [];
  for (const w of ref) {
    const r = rand();
    if (r < 0.05) hyp.push(word()); // substitution
    else if (r < 0.075) continue; // deletion
    else if (r < 0.1) hyp.push(w, word()); // insertion
    else hyp.push(w);
  }
  return [ref.join(' '), hyp.join(' ')];
}

function twoRowDistance(a, b) {
  let prev = new Int32Array(b.length + 1).map((_, i) => i);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

function timeIt(fn, runs) {
  fn();
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((x, y) => x - y);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { median: q(0.5), p10: q(0.1), p90: q(0.9) };
}

// Typed-array buffers live outside the JS heap, so both are counted.
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Heap and buffer growth while one call runs and its result is held. */
function heapDelta(fn) {
  if (typeof global.gc !== 'function') return NaN;
  global.gc();
  const before = used();
  const keep = fn();
  const after = used();
  if (keep === undefined) throw new Error('unreachable');
  return (after - before) / 1024 / 1024;
}

const fmt = (t) => `${t.median.toFixed(2)} ms (p10 ${t.p10.toFixed(2)}, p90 ${t.p90.toFixed(2)})`;

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ` +
  `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}`);
if (typeof global.gc !== 'function') console.log('(run with --expose-gc for heap figures)');

const [ref, hyp] = pair(5000);
const out = processWords(ref, hyp);
console.log(`\n5,000-word pair: S=${out.substitutions} D=${out.deletions} ` +
  `I=${out.insertions} H=${out.hits}, wer=${out.wer.toFixed(4)}`);

const ours = timeIt(() => processWords(ref, hyp), 30);
const theirs = timeIt(() => wordErrorRate.wordErrorRate(ref, hyp), 5);
const words = [ref.split(' '), hyp.split(' ')];
const raw = timeIt(() => twoRowDistance(words[0], words[1]), 5);
console.log(`speechmetry processWords (full alignment): ${fmt(ours)}`);
console.log(`word-error-rate wordErrorRate:             ${fmt(theirs)}` +
  `  → ${(theirs.median / ours.median).toFixed(1)}× slower`);
console.log(`plain two-row DP, distance only:           ${fmt(raw)}` +
  `  → ${(raw.median / ours.median).toFixed(1)}× slower`);
console.log(`word-error-rate says wer=${wordErrorRate.wordErrorRate(ref, hyp).toFixed(4)} ` +
  '(it divides by the longer side)');

console.log('\nmemory (heap + buffers grown during one call, result held):');
for (const n of [1250, 2500, 5000, 10000, 20000]) {
  const [r, h] = pair(n);
  const mib = heapDelta(() => processWords(r, h));
  const t = timeIt(() => processWords(r, h), 5);
  console.log(`  ${String(n).padStart(6)} words: ${mib.toFixed(2).padStart(6)} MiB, ` +
    `${t.median.toFixed(2)} ms`);
}
