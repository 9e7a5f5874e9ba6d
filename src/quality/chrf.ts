/**
 * chrF and chrF++ equal to sacreBLEU 2.6 (`sacrebleu.metrics.CHRF`):
 * character and word n-gram orders, beta, whitespace, epsilon smoothing
 * or effective-order averaging, several references, signature.
 */
import { VERSION } from '../version.js';
import { chrfSegmentStats, type ChrfStatsSettings } from './chrf-stats.js';
import { QualityInputError } from './errors.js';
import {
  corpusScore, sentenceScore, sentenceScores,
  type RefCount, type ReferenceStream, type StatsMetric,
} from './metric.js';
import {
  formatScore, formatSignature, nrefsEntry,
  type ScoreFormatOptions, type SignatureEntry,
} from './score-format.js';

/** chrF options, sacreBLEU's keyword arguments in camelCase. */
export interface ChrfOptions {
  /** Character n-gram order. Default 6. */
  charOrder?: number;
  /** Word n-gram order; 2 gives chrF++. Default 0. */
  wordOrder?: number;
  /** Weight of recall relative to precision. Default 2. */
  beta?: number;
  /** Lowercase first. Default false. */
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams. Default false. */
  whitespace?: boolean;
  /**
   * Epsilon smoothing as in chrF++.py, Moses and NLTK; when false (the
   * default) orders without n-grams are left out of the average.
   */
  epsSmoothing?: boolean;
}

/** A chrF / chrF++ result. @public */
export interface ChrfScore {
  /** `chrF2`, `chrF2++` (one `+` per word order) … */
  readonly name: string;
  /** chrF on sacreBLEU's 0–100 scale. */
  readonly score: number;
  /** Character n-gram order used (default 6). */
  readonly charOrder: number;
  /** Word n-gram order used; above 0 means chrF++ (default 0). */
  readonly wordOrder: number;
  /** Recall weight relative to precision used (default 2). */
  readonly beta: number;
  /** `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:…`. */
  readonly signature: string;
  /** The same signature with sacreBLEU's short keys. */
  readonly shortSignature: string;
  /** sacreBLEU's rendering; without options `str(score)`: `chrF2 = 59.73`. */
  format(options?: ScoreFormatOptions): string;
}

interface ChrfSettings extends ChrfStatsSettings {
  beta: number;
  epsSmoothing: boolean;
}

function positiveInt(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new QualityInputError(`chrF ${name} must be an integer >= ${min}`);
  }
  return value;
}

function settingsOf(given: ChrfOptions | null): ChrfSettings {
  // JavaScript callers may pass null for "no options".
  const options = given ?? {};
  const beta = options.beta ?? 2;
  if (!Number.isFinite(beta) || beta < 0) {
    throw new QualityInputError('chrF beta must be a finite number >= 0');
  }
  const charOrder = positiveInt(options.charOrder ?? 6, 'charOrder', 0);
  const wordOrder = positiveInt(options.wordOrder ?? 0, 'wordOrder', 0);
  if (charOrder + wordOrder === 0) {
    throw new QualityInputError('chrF needs charOrder + wordOrder >= 1');
  }
  return {
    charOrder,
    wordOrder,
    beta,
    lowercase: options.lowercase ?? false,
    whitespace: options.whitespace ?? false,
    epsSmoothing: options.epsSmoothing ?? false,
  };
}

/** sacreBLEU's `_compute_f_score`, step for step (same float order). */
function fScore(s: ChrfSettings, stats: readonly number[]): number {
  const eps = 1e-16;
  const factor = s.beta ** 2;
  const order = s.charOrder + s.wordOrder;
  let score = 0;
  let effective = 0;
  let avgPrec = 0;
  let avgRec = 0;

  for (let i = 0; i < order; i += 1) {
    const nHyp = stats[3 * i]!;
    const nRef = stats[3 * i + 1]!;
    const nMatch = stats[3 * i + 2]!;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effective += 1;
    }
  }

  if (s.epsSmoothing) return (100 * score) / order;
  if (effective === 0) return 0;
  avgPrec /= effective;
  avgRec /= effective;
  if (avgPrec + avgRec === 0) return 0;
  const f = ((1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec);
  return 100 * f;
}

function signatureEntries(
  s: ChrfSettings,
  refCount: RefCount,
): SignatureEntry[] {
  return [
    nrefsEntry(refCount),
    ['case', 'c', s.lowercase ? 'lc' : 'mixed'],
    ['eff', 'e', s.epsSmoothing ? 'no' : 'yes'],
    ['nc', 'nc', s.charOrder],
    ['nw', 'nw', s.wordOrder],
    ['space', 's', s.whitespace ? 'yes' : 'no'],
    ['version', 'v', VERSION],
  ];
}

function buildScore(
  s: ChrfSettings,
  score: number,
  refCount: RefCount,
): ChrfScore {
  const name = `chrF${s.beta}${'+'.repeat(s.wordOrder)}`;
  const entries = signatureEntries(s, refCount);
  const printable = { name, score, verbose: '', signatureEntries: entries };
  return {
    name,
    score,
    charOrder: s.charOrder,
    wordOrder: s.wordOrder,
    beta: s.beta,
    signature: formatSignature(entries),
    shortSignature: formatSignature(entries, true),
    format: (options) => formatScore(printable, options),
  };
}

/** The chrF metric for the scoring skeleton. For the command line. */
export function createChrfMetric(options: ChrfOptions): StatsMetric<ChrfScore> {
  return chrfMetric(settingsOf(options));
}

function chrfMetric(s: ChrfSettings): StatsMetric<ChrfScore> {
  const f = (stats: readonly number[]): number => fScore(s, stats);
  return {
    size: 3 * (s.charOrder + s.wordOrder),
    begin: () => chrfSegmentStats(s, f),
    compute: (stats, refCount) => buildScore(s, f(stats), refCount),
  };
}

/**
 * Corpus chrF (chrF++ with `wordOrder: 2`), equal to sacreBLEU's
 * `corpus_chrf(hypotheses, references)`. `references` are reference
 * streams; `null` or `undefined` mark a missing reference (`''` is an
 * empty reference, as in sacreBLEU 2.6).
 * @throws QualityInputError on bad options, streams whose length differs
 * from the hypotheses, or a segment without any reference.
 * @public
 */
export function chrf(
  hypotheses: readonly string[],
  references: readonly ReferenceStream[],
  options: ChrfOptions = {},
): ChrfScore {
  return corpusScore(chrfMetric(settingsOf(options)), hypotheses, references);
}

/** Sentence chrF, equal to sacreBLEU's `sentence_chrf`. @public */
export function sentenceChrf(
  hypothesis: string,
  references: readonly string[],
  options: ChrfOptions = {},
): ChrfScore {
  return sentenceScore(chrfMetric(settingsOf(options)), hypothesis, references);
}

/** One sentence chrF per segment of a corpus. @public */
export function sentenceChrfs(
  hypotheses: readonly string[],
  references: readonly ReferenceStream[],
  options: ChrfOptions = {},
): ChrfScore[] {
  const metric = chrfMetric(settingsOf(options));
  return sentenceScores(metric, hypotheses, references);
}
