// Writes test/quality/fixtures/golden-reference.json: a small slice of the
// cross-check (inputs and the reference tools' outputs) that
// test/quality/golden-reference.test.ts replays without Python.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  corporaOf, metricCases, randomAlignmentCases, textAlignmentCases,
} from './crosscheck-cases.mjs';

const FIXTURE = 'test/quality/fixtures/golden-reference.json';

const SCORE_FIELDS = {
  bleu: ['score', 'counts', 'totals', 'precisions', 'bp', 'sysLen', 'refLen'],
  chrf: ['score'],
  ter: ['score', 'numEdits', 'refLength'],
};

function pickFields(metric, result) {
  const out = {};
  for (const f of [...SCORE_FIELDS[metric], 'signature', 'shortSignature', 'text']) {
    out[f] = result[f];
  }
  return out;
}

/** Sentence-level results shrink to the scores plus one signature. */
function compact(c, result) {
  if ('error' in result) return result;
  if (c.metric === 'jiwer') return result;
  if (c.level !== 'sentences') return pickFields(c.metric, result);
  return {
    scores: result.map((r) => r.score),
    signature: result[0].signature,
    shortSignature: result[0].shortSignature,
  };
}

function fixturePairs(pairs) {
  return pairs.filter((p, i) => p.lang === 'edge' || i % 6 === 0);
}

/** Inputs as stored: corpus cases name their corpus instead of copying it. */
function stored(c) {
  const { hyps: _h, refs: _r, ...rest } = c;
  return c.corpus === undefined ? c : rest;
}

export function writeFixture({ python, runReference, pairs, root }) {
  const subset = fixturePairs(pairs);
  const corpora = corporaOf(subset);
  const cases = [
    ...metricCases(corpora, { stride: 5, sentenceStride: 8 }),
    ...textAlignmentCases(subset),
    ...randomAlignmentCases(21, 160, [0, 40]),
    ...randomAlignmentCases(22, 16, [60, 300]),
    ...randomAlignmentCases(23, 2, [1000, 1300]),
  ];
  const reference = runReference(python, cases);

  const fixture = {
    about: 'Inputs and sacreBLEU / rapidfuzz (jiwer 4.0) outputs, written by ' +
      'scripts/crosscheck-reference.mjs --write-fixture; do not edit by hand.',
    versions: reference.versions,
    corpora,
    cases: cases.map((c, i) => ({
      ...stored(c), expected: compact(c, reference.results[i]),
    })),
  };
  const path = join(root, FIXTURE);
  writeFileSync(path, `${JSON.stringify(fixture)}\n`);
  console.log(`wrote ${FIXTURE}: ${cases.length} cases, ` +
    `${(JSON.stringify(fixture).length / 1024).toFixed(0)} KiB`);
}
