// Scorer speed on 2,000 sentence pairs, on the build output (dist/).
// Compares, in the same run: corpus BLEU / chrF / chrF++ / WER of
// speechmetry against the npm packages `bleu-score` and `word-error-rate`
// (sentence-level only, so both sides are also timed per sentence) and
// against a local `sacrebleu` when one is installed.
//   npx tsup --no-clean && node bench/quality.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as q from '../dist/quality.js';
import { sentencePairs } from './quality-data.mjs';

const require = createRequire(import.meta.url);
const { bleu: npmBleu } = require('bleu-score');
const { wordErrorRate: npmWer } = require('word-error-rate');

const PAIRS = 2000;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const { hypotheses, references } = sentencePairs(PAIRS);
const streams = [references];

function measure(fn) {
  for (let i = 0; i < 3; i += 1) fn();
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9) };
}

const rows = [];
function bench(name, fn) {
  const r = measure(fn);
  rows.push([name, r]);
  return r;
}
const fmt = (ms) => `${ms.toFixed(2)} ms`;

console.log('# bench/quality.mjs — scorer speed');
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ` +
  `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}`);
console.log(`node: ${process.version}; runs per figure: ${RUNS} (after 3 warm-ups)`);
const words = hypotheses.reduce((n, h) => n + h.split(' ').length, 0);
console.log(`data: ${PAIRS} generated sentence pairs (${words} hypothesis words, ` +
  'English with German/French/Spanish segments, bench/quality-data.mjs)\n');

const corpusBleu = bench('speechmetry bleu() corpus', () => q.bleu(hypotheses, streams));
const corpusChrf = bench('speechmetry chrf() corpus', () => q.chrf(hypotheses, streams));
bench('speechmetry chrf() chrF++ corpus', () => q.chrf(hypotheses, streams, { wordOrder: 2 }));
bench('speechmetry ter() corpus', () => q.ter(hypotheses, streams));
const ourSentBleu = bench('speechmetry sentenceBleu() × 2000', () => {
  for (let i = 0; i < PAIRS; i += 1) q.sentenceBleu(hypotheses[i], [references[i]]);
});
const npmSentBleu = bench('bleu-score bleu() × 2000', () => {
  for (let i = 0; i < PAIRS; i += 1) npmBleu(references[i], hypotheses[i], 4);
});
let ourWer;
let npmWerTime;
if (typeof q.processWords === 'function') {
  ourWer = bench('speechmetry processWords() corpus', () => q.processWords(references, hypotheses));
  bench('speechmetry wer() × 2000', () => {
    for (let i = 0; i < PAIRS; i += 1) q.wer(references[i], hypotheses[i]);
  });
}
npmWerTime = bench('word-error-rate wordErrorRate() × 2000', () => {
  for (let i = 0; i < PAIRS; i += 1) npmWer(hypotheses[i], references[i]);
});

const width = Math.max(...rows.map(([n]) => n.length));
console.log(`${'scenario'.padEnd(width)}  median     p10–p90`);
for (const [name, r] of rows) {
  const spread = `${fmt(r.p10)} – ${fmt(r.p90)}`;
  console.log(`${name.padEnd(width)}  ${fmt(r.median).padStart(9)}  ${spread}`);
}

console.log('\nratios (median / median, higher = speechmetry faster):');
console.log(`  sentence BLEU loop: bleu-score / speechmetry = ` +
  `${(npmSentBleu.median / ourSentBleu.median).toFixed(2)}× ` +
  '(bleu-score: no tokenizer, no smoothing, NaN on "constructor")');
if (ourWer) {
  console.log(`  WER: word-error-rate loop / speechmetry corpus processWords = ` +
    `${(npmWerTime.median / ourWer.median).toFixed(2)}× ` +
    '(word-error-rate: divides by the longer side, lowercases)');
}

console.log('\nsacreBLEU (same data, same run):');
const sacre = spawnSync('sacrebleu', ['--version'], { encoding: 'utf8' });
if (sacre.error || sacre.status !== 0) {
  console.log('  absent: no `sacrebleu` command on this machine, so the ≥10× ' +
    'target is not measured in this run (put a venv holding sacrebleu on PATH).');
} else {
  timeSacrebleu(sacre.stdout.trim());
}

/** The interpreter beside the `sacrebleu` script (its venv), else python3. */
function sacrebleuPython() {
  const where = spawnSync('sh', ['-c', 'command -v sacrebleu'], { encoding: 'utf8' });
  const candidate = join(dirname(where.stdout.trim()), 'python3');
  return where.status === 0 && existsSync(candidate) ? candidate : 'python3';
}

function timeSacrebleu(version) {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-quality-'));
  writeFileSync(join(dir, 'hyp.txt'), `${hypotheses.join('\n')}\n`);
  writeFileSync(join(dir, 'ref.txt'), `${references.join('\n')}\n`);
  // Time inside Python so interpreter start-up is not counted; one
  // warm-up call each, as the JavaScript side has warm-ups too.
  const script = [
    'import sacrebleu, time, statistics as s',
    `h=open(r'${join(dir, 'hyp.txt')}', encoding='utf-8').read().split('\\n')[:-1]`,
    `r=[open(r'${join(dir, 'ref.txt')}', encoding='utf-8').read().split('\\n')[:-1]]`,
    'for f in (sacrebleu.corpus_bleu, sacrebleu.corpus_chrf):',
    '    f(h,r); t=[]',
    `    for _ in range(${Math.min(RUNS, 7)}):`,
    '        a=time.perf_counter(); f(h,r); t.append((time.perf_counter()-a)*1000)',
    '    t.sort(); print(s.median(t), t[0], t[-1])',
  ].join('\n');
  const [bleuT, chrfT] = execFileSync(sacrebleuPython(), ['-c', script], { encoding: 'utf8' })
    .trim().split('\n').map((line) => line.split(' ').map(Number));
  const py = (t) => `${fmt(t[0])} (min ${fmt(t[1])}, max ${fmt(t[2])})`;
  console.log(`  ${version}, ${Math.min(RUNS, 7)} runs: corpus_bleu ${py(bleuT)}, ` +
    `corpus_chrf ${py(chrfT)}`);
  console.log(`  ratio sacreBLEU / speechmetry (medians): BLEU ` +
    `${(bleuT[0] / corpusBleu.median).toFixed(1)}×, chrF ` +
    `${(chrfT[0] / corpusChrf.median).toFixed(1)}× (target ≥ 10×)`);
}
