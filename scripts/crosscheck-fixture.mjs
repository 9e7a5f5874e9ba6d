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

// Whitespace other than the space: where the token lists are worth keeping.
const ODD_SPACE =
  /[\t\n\v\f\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * rapidfuzz's opcodes are contiguous, so a sentence's chunks are their
 * kinds and lengths: `e3r1i2` is equal ×3, replace ×1, insert ×2 (the
 * test rebuilds the indices).
 */
function encodeChunks(chunks) {
  return chunks.map(([tag, i1, i2, j1, j2]) =>
    `${tag[0]}${Math.max(i2 - i1, j2 - j1)}`).join('');
}

/**
 * Sentence-level results shrink to the scores plus one signature; token
 * lists are kept only for text with unusual whitespace (the counts and
 * alignment indices check the rest).
 */
function compact(c, result) {
  if ('error' in result) return result;
  if (c.metric === 'jiwer') {
    const text = [c.ref, c.hyp].flat().join('');
    const encoded = { ...result, alignments: result.alignments.map(encodeChunks) };
    if (ODD_SPACE.test(text)) return encoded;
    const { references: _r, hypotheses: _h, ...rest } = encoded;
    return rest;
  }
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
    ...metricCases(corpora, { stride: 7, sentenceStride: 12 }),
    ...textAlignmentCases(subset).filter((c) => !(c.chars && Array.isArray(c.ref))),
    ...randomAlignmentCases(21, 120, [0, 40]),
    ...randomAlignmentCases(22, 10, [60, 300]),
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
