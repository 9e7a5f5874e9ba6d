#!/usr/bin/env node
// Cross-checks speechmetry's scorers against the real reference tools:
// sacreBLEU (BLEU, chrF, TER) and rapidfuzz's Levenshtein opcodes as
// jiwer 4.0 uses them, run by scripts/crosscheck_reference.py in a Python
// environment that has them. Not part of CI (CI has no Python); the
// committed fixture test/quality/fixtures/golden-reference.json carries
// the reference values into `vitest` instead.
//
//   node scripts/crosscheck-reference.mjs [--python PATH] [--write-fixture]
//     [--fixture-only] [--no-cli]
//
// PATH defaults to $SPEECHMETRY_PYREF or /tmp/pyref/bin/python. Prints,
// per metric and level, the cases and segments compared, the largest
// relative BLEU difference and every mismatch; exits 1 on any mismatch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  corporaOf, metricCases, randomAlignmentCases, textAlignmentCases,
} from './crosscheck-cases.mjs';
import { crosscheckCli } from './crosscheck-cli.mjs';
import { compareCase } from './crosscheck-compare.mjs';
import { EDGE_PAIRS, multilingualPairs } from './crosscheck-data.mjs';
import { writeFixture } from './crosscheck-fixture.mjs';
import { runOurs } from './crosscheck-ours.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HELPER = join(ROOT, 'scripts', 'crosscheck_reference.py');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}

/** src/quality bundled on the fly, so no build of dist/ is needed. */
async function loadQuality() {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-'));
  const outfile = join(dir, 'quality.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/quality/index.ts')], bundle: true,
    format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'error',
  });
  const q = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return q;
}

/** Runs the Python helper on the cases; returns its parsed output. */
export function runReference(python, cases) {
  const run = spawnSync(python, [HELPER], {
    input: JSON.stringify({ cases }), maxBuffer: 1 << 30, encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`reference helper failed (${run.status}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
}

/** The full corpus: multilingual pairs, then the edge cases. */
export function allPairs() {
  const edge = EDGE_PAIRS.map(([hyp, ref], i) => ({
    lang: 'edge', hyp, ref, alt: i % 3 === 0 ? hyp : null,
  }));
  return [...multilingualPairs(), ...edge];
}

function buildCases(pairs) {
  const corpora = corporaOf(pairs);
  const single = [];
  for (const p of pairs.filter((x) => x.lang === 'edge')) {
    const refs = p.alt === null ? [p.ref] : [p.ref, p.alt];
    for (const metric of ['bleu', 'chrf', 'ter']) {
      single.push({ metric, level: 'sentence', options: {}, hyp: p.hyp, refs });
    }
  }
  return [
    ...metricCases(corpora),
    ...single,
    ...textAlignmentCases(pairs),
    ...randomAlignmentCases(11, 600, [0, 40]),
    ...randomAlignmentCases(12, 120, [60, 300]),
    ...randomAlignmentCases(13, 8, [1000, 1600]),
    ...randomAlignmentCases(14, 2, [5000, 5000]),
  ];
}

function label(c) {
  return c.metric === 'jiwer'
    ? `jiwer ${c.chars ? 'chars' : 'words'}`
    : `${c.metric} ${c.level}`;
}

function summarise(cases, ours, theirs) {
  const rows = new Map();
  const failures = [];
  cases.forEach((c, i) => {
    const key = label(c);
    const row = rows.get(key) ?? { cases: 0, segments: 0, maxRel: 0, bad: 0, errors: 0 };
    const result = compareCase(c, ours[i], theirs[i]);
    row.cases += 1;
    if (result.bothFailed) row.errors += 1;
    row.segments += result.segments;
    row.maxRel = Math.max(row.maxRel, result.maxRel);
    if (result.problems.length > 0) {
      row.bad += 1;
      failures.push({ index: i, key, options: c.options, problems: result.problems });
    }
    rows.set(key, row);
  });
  return { rows, failures };
}

async function main() {
  const python = option('--python', process.env.SPEECHMETRY_PYREF ?? '/tmp/pyref/bin/python');
  const pairs = allPairs();
  if (process.argv.includes('--fixture-only')) {
    writeFixture({ python, runReference, pairs, root: ROOT });
    return;
  }
  const q = await loadQuality();
  const cases = buildCases(pairs);

  let t = performance.now();
  const reference = runReference(python, cases);
  const pyMs = performance.now() - t;
  t = performance.now();
  const ours = cases.map((c) => runOurs(q, c));
  const jsMs = performance.now() - t;

  const { rows, failures } = summarise(cases, ours, reference.results);
  console.log(`reference: ${JSON.stringify(reference.versions)}; ` +
    `${pairs.length} sentence pairs; ${cases.length} cases ` +
    `(Python ${(pyMs / 1000).toFixed(1)} s, speechmetry ${(jsMs / 1000).toFixed(1)} s)`);
  console.log('metric level        cases  segments  max rel. diff  mismatches  both errors');
  for (const [key, r] of rows) {
    console.log(`${key.padEnd(20)}${String(r.cases).padStart(6)}` +
      `${String(r.segments).padStart(10)}${r.maxRel.toExponential(2).padStart(15)}` +
      `${String(r.bad).padStart(12)}${String(r.errors).padStart(13)}`);
  }
  for (const f of failures.slice(0, 20)) console.log(JSON.stringify(f).slice(0, 600));
  let cliDifferences = 0;
  if (!process.argv.includes('--no-cli')) {
    const cli = crosscheckCli({ python, pairs, root: ROOT });
    cliDifferences = cli.differences.length;
    console.log(`command line: ${cli.compared} sacrebleu / speechmetry score runs ` +
      `compared, ${cliDifferences} differ`);
    for (const d of cli.differences) console.log(JSON.stringify(d).slice(0, 800));
  }
  if (process.argv.includes('--write-fixture')) {
    writeFixture({ python, runReference, pairs, root: ROOT });
  }
  process.exitCode = failures.length + cliDifferences > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
