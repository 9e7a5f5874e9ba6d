// Golden values from the real reference tools (sacreBLEU 2.6.0, and
// rapidfuzz 3.14.6's Levenshtein opcodes as jiwer 4.0 calls them), written
// by `node scripts/crosscheck-reference.mjs --fixture-only` from German,
// French, Spanish, Chinese and Japanese text, edge cases and random
// tie-heavy word sequences. CI replays them without Python: BLEU to a
// relative 1e-12 (counts exactly), chrF and TER bit for bit, signatures
// equal but for the version, WER-family counts and alignments exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bleu, chrf, processCharacters, processWords, sentenceBleu, sentenceBleus,
  sentenceChrf, sentenceChrfs, sentenceTer, ter,
  type ReferenceStream,
} from '../../src/quality/index.js';

type Options = Record<string, unknown>;
type Expected = Record<string, unknown>;

interface MetricCase {
  metric: 'bleu' | 'chrf' | 'ter';
  level: 'corpus' | 'sentences' | 'sentence';
  options: Options;
  corpus?: string;
  hyp?: string;
  refs?: string[];
  expected: Expected;
}

interface AlignmentCase {
  metric: 'jiwer';
  chars: boolean;
  ref: string | string[];
  hyp: string | string[];
  expected: Expected & { alignments: string[] };
}

interface Fixture {
  versions: Record<string, string>;
  corpora: Record<string, { hyps: string[]; refs: ReferenceStream[] }>;
  cases: (MetricCase | AlignmentCase)[];
}

const fixture = JSON.parse(readFileSync(
  new URL('./fixtures/golden-reference.json', import.meta.url), 'utf8',
)) as Fixture;

const metricCases = fixture.cases.filter(
  (c): c is MetricCase => c.metric !== 'jiwer',
);
const alignmentCases = fixture.cases.filter(
  (c): c is AlignmentCase => c.metric === 'jiwer',
);

const rel = (a: number, b: number): number =>
  (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
const noVersion = (s: unknown): string =>
  String(s).replace(/\|(version|v):[^|]*$/, '');

/** What the three score types share, plus their metric-specific fields. */
interface AnyScore {
  score: number;
  signature: string;
  shortSignature: string;
  format(): string;
  bp?: number;
  precisions?: number[];
  counts?: number[];
  totals?: number[];
  sysLen?: number;
  refLen?: number;
  numEdits?: number;
  refLength?: number;
}

function corpusScore(c: MetricCase): AnyScore {
  const { hyps, refs } = fixture.corpora[c.corpus!]!;
  if (c.metric === 'bleu') return bleu(hyps, refs, c.options);
  if (c.metric === 'chrf') return chrf(hyps, refs, c.options);
  return ter(hyps, refs, c.options);
}

function sentenceScores(c: MetricCase): AnyScore[] {
  const { hyps, refs } = fixture.corpora[c.corpus!]!;
  if (c.metric === 'bleu') return sentenceBleus(hyps, refs, c.options);
  if (c.metric === 'chrf') return sentenceChrfs(hyps, refs, c.options);
  return hyps.map((h, i) => sentenceTer(h, refs.map((s) => s[i])
    .filter((r): r is string => typeof r === 'string'), c.options));
}

function oneSentence(c: MetricCase): AnyScore {
  if (c.metric === 'bleu') return sentenceBleu(c.hyp!, c.refs!, c.options);
  if (c.metric === 'chrf') return sentenceChrf(c.hyp!, c.refs!, c.options);
  return sentenceTer(c.hyp!, c.refs!, c.options);
}

function expectSignatures(ours: AnyScore, expected: Expected): void {
  expect(noVersion(ours.signature)).toBe(noVersion(expected.signature));
  expect(noVersion(ours.shortSignature)).toBe(noVersion(expected.shortSignature));
}

function expectScore(metric: string, ours: AnyScore, expected: Expected): void {
  if (metric === 'bleu') {
    expect(rel(ours.score, expected.score as number)).toBeLessThanOrEqual(1e-12);
    expect(rel(ours.bp!, expected.bp as number)).toBeLessThanOrEqual(1e-12);
    (expected.precisions as number[]).forEach((p, k) => {
      expect(rel(ours.precisions![k]!, p)).toBeLessThanOrEqual(1e-12);
    });
    expect(ours.counts).toEqual(expected.counts);
    expect(ours.totals).toEqual(expected.totals);
    expect([ours.sysLen, ours.refLen]).toEqual([expected.sysLen, expected.refLen]);
  } else {
    expect(ours.score).toBe(expected.score);
  }
  if (metric === 'ter') {
    expect([ours.numEdits, ours.refLength])
      .toEqual([expected.numEdits, expected.refLength]);
  }
  expectSignatures(ours, expected);
  expect(ours.format()).toBe(expected.text);
}

function caseName(c: MetricCase): string {
  const where = c.corpus ?? JSON.stringify(c.hyp).slice(0, 30);
  return `${c.metric} ${c.level} ${where} ${JSON.stringify(c.options)}`;
}

describe('golden values from sacreBLEU 2.6.0', () => {
  it('the fixture holds a few hundred cases from the real tools', () => {
    expect(fixture.versions.sacrebleu).toBe('2.6.0');
    expect(fixture.versions.rapidfuzz).toBe('3.14.6');
    expect(metricCases.length).toBeGreaterThan(200);
    expect(alignmentCases.length).toBeGreaterThan(200);
  });

  it.each(metricCases.map((c) => [caseName(c), c] as const))('%s', (_, c) => {
    if ('error' in c.expected) {
      // sacreBLEU refused the input: so must we (messages differ).
      expect(() => (c.level === 'corpus' ? corpusScore(c)
        : c.level === 'sentence' ? oneSentence(c) : sentenceScores(c))).toThrow();
    } else if (c.level === 'corpus') {
      expectScore(c.metric, corpusScore(c), c.expected);
    } else if (c.level === 'sentence') {
      expectScore(c.metric, oneSentence(c), c.expected);
    } else {
      const scores = sentenceScores(c);
      const expected = c.expected.scores as number[];
      expect(scores).toHaveLength(expected.length);
      scores.forEach((s, k) => {
        if (c.metric === 'bleu') {
          expect(rel(s.score, expected[k]!)).toBeLessThanOrEqual(1e-12);
        } else {
          expect(s.score).toBe(expected[k]);
        }
      });
      expectSignatures(scores[0]!, c.expected);
    }
  });
});

/** Rebuilds rapidfuzz's contiguous opcodes from `e3r1d2i1`. */
function decodeChunks(encoded: string): (string | number)[][] {
  const names: Record<string, string> = {
    e: 'equal', r: 'substitute', d: 'delete', i: 'insert',
  };
  const out: (string | number)[][] = [];
  let i = 0;
  let j = 0;
  for (const [, tag, n] of encoded.matchAll(/([erdi])(\d+)/g)) {
    const len = Number(n);
    const di = tag === 'i' ? 0 : len;
    const dj = tag === 'd' ? 0 : len;
    out.push([names[tag!]!, i, i + di, j, j + dj]);
    i += di;
    j += dj;
  }
  return out;
}

describe('golden alignments from rapidfuzz (jiwer 4.0 process_words)', () => {
  const named = alignmentCases.map((c, k) => {
    const size = Array.isArray(c.ref) ? `${c.ref.length} sentences` : `${c.ref.length} chars`;
    return [`#${k} ${c.chars ? 'characters' : 'words'}, ${size}`, c] as const;
  });

  it.each(named)('%s', (_, c) => {
    const out = c.chars ? processCharacters(c.ref, c.hyp) : processWords(c.ref, c.hyp);
    const e = c.expected;
    expect([out.hits, out.substitutions, out.deletions, out.insertions])
      .toEqual([e.hits, e.substitutions, e.deletions, e.insertions]);
    const count = (lists: string[][]): number =>
      lists.reduce((n, l) => n + l.length, 0);
    expect([count(out.references), count(out.hypotheses)])
      .toEqual([e.refTokens, e.hypTokens]);
    if (e.references !== undefined) {
      expect(out.references).toEqual(e.references);
      expect(out.hypotheses).toEqual(e.hypotheses);
    }
    const ours = out.alignments.map((chunks) => chunks.map((k) => [
      k.type, k.refStartIdx, k.refEndIdx, k.hypStartIdx, k.hypEndIdx,
    ]));
    expect(ours).toEqual(e.alignments.map(decodeChunks));
  });
});
