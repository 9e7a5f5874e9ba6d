/**
 * BLEU equal to sacreBLEU 2.6 (`sacrebleu.metrics.BLEU`): corpus and
 * sentence scores, its tokenizers, smoothing methods, effective order,
 * several references and its signature.
 */
import { VERSION } from '../version.js';
import { bleuSegmentStats } from './bleu-stats.js';
import { QualityInputError } from './errors.js';
import {
  corpusScore, sentenceScore, sentenceScores,
  type RefCount, type ReferenceStream, type StatsMetric,
} from './metric.js';
import { formatFixed } from './python-format.js';
import {
  formatScore, formatSignature, nrefsEntry,
  type ScoreFormatOptions, type SignatureEntry,
} from './score-format.js';
import { isBleuTokenizer, type BleuTokenizer } from './tokenizers/index.js';

/** BLEU smoothing methods (Chen & Cherry 2014), as sacreBLEU names them. */
export type BleuSmoothMethod = 'exp' | 'floor' | 'add-k' | 'none';

const SMOOTH_DEFAULTS: Record<BleuSmoothMethod, number | undefined> = {
  exp: undefined,
  floor: 0.1,
  'add-k': 1,
  none: undefined,
};

/** BLEU options, sacreBLEU's keyword arguments in camelCase. */
export interface BleuOptions {
  /** Tokenizer. Default `'13a'`. */
  tokenize?: BleuTokenizer;
  /** Lowercase hypotheses and references first. Default false. */
  lowercase?: boolean;
  /** Smoothing. Default `'exp'`. */
  smoothMethod?: BleuSmoothMethod;
  /** Value for `floor` (default 0.1) and `add-k` (default 1). */
  smoothValue?: number;
  /**
   * Average only over the n-gram orders the hypothesis has. Default false
   * for corpus BLEU, true for sentence BLEU (sacreBLEU's defaults).
   */
  effectiveOrder?: boolean;
  /** Highest n-gram order. Default 4. */
  maxNgramOrder?: number;
}

/** A BLEU result with its sufficient statistics. @public */
export interface BleuScore {
  /** The metric's name, always `BLEU`. */
  readonly name: 'BLEU';
  /** BLEU on sacreBLEU's 0–100 scale. */
  readonly score: number;
  /** Matched n-grams per order (after add-k smoothing, as sacreBLEU). */
  readonly counts: number[];
  /** Hypothesis n-grams per order (after add-k smoothing). */
  readonly totals: number[];
  /** Smoothed precisions per order, 0–100. */
  readonly precisions: number[];
  /** Brevity penalty. */
  readonly bp: number;
  /** Hypothesis length in tokens after tokenisation (corpus: summed). */
  readonly sysLen: number;
  /**
   * Effective reference length in tokens: per segment, the reference
   * closest in length to the hypothesis (the shorter on a tie), summed.
   */
  readonly refLen: number;
  /** `sysLen / refLen`, 0 when `refLen` is 0. */
  readonly ratio: number;
  /** `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:…`. */
  readonly signature: string;
  /** The same signature with sacreBLEU's short keys. */
  readonly shortSignature: string;
  /**
   * sacreBLEU's rendering; without options `str(score)`:
   * `BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = …)`.
   */
  format(options?: ScoreFormatOptions): string;
}

interface BleuSettings {
  tokenize: BleuTokenizer;
  lowercase: boolean;
  smoothMethod: BleuSmoothMethod;
  smoothValue: number | undefined;
  effectiveOrder: boolean;
  maxNgramOrder: number;
}

/** An option value for a message: strings as given, anything else by type. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : typeof value;
}

function settingsOf(given: BleuOptions | null, effectiveDefault: boolean): BleuSettings {
  // JavaScript callers may pass null for "no options".
  const options = given ?? {};
  const tokenize = options.tokenize ?? '13a';
  const smoothMethod = options.smoothMethod ?? 'exp';
  const maxNgramOrder = options.maxNgramOrder ?? 4;
  if (!isBleuTokenizer(tokenize)) {
    throw new QualityInputError(`unknown BLEU tokenize "${shown(tokenize)}"`);
  }
  // Own keys only: `in` also accepts 'toString' and '__proto__'.
  if (typeof smoothMethod !== 'string' || !Object.hasOwn(SMOOTH_DEFAULTS, smoothMethod)) {
    throw new QualityInputError(`unknown BLEU smoothMethod "${shown(smoothMethod)}"`);
  }
  if (!Number.isInteger(maxNgramOrder) || maxNgramOrder < 1) {
    throw new QualityInputError('BLEU maxNgramOrder must be an integer >= 1');
  }
  return {
    tokenize,
    lowercase: options.lowercase ?? false,
    smoothMethod,
    smoothValue: options.smoothValue,
    effectiveOrder: options.effectiveOrder ?? effectiveDefault,
    maxNgramOrder,
  };
}

function signatureEntries(
  s: BleuSettings,
  refCount: RefCount,
): SignatureEntry[] {
  let smooth: string = s.smoothMethod;
  const fallback = SMOOTH_DEFAULTS[s.smoothMethod];
  if (fallback !== undefined) {
    smooth += `[${formatFixed(s.smoothValue ?? fallback, 2)}]`;
  }
  return [
    nrefsEntry(refCount),
    ['case', 'c', s.lowercase ? 'lc' : 'mixed'],
    ['eff', 'e', s.effectiveOrder ? 'yes' : 'no'],
    ['tok', 'tok', s.tokenize],
    ['smooth', 's', smooth],
    ['version', 'v', VERSION],
  ];
}

/** sacreBLEU's `my_log`: log, with log(0) floored to -9999999999. */
function flooredLog(x: number): number {
  return x === 0 ? -9999999999 : Math.log(x);
}

/** Summed statistics of a corpus or sentence. */
export interface BleuStatistics {
  /** Matched n-grams per order. */
  counts: readonly number[];
  /** Hypothesis n-grams per order. */
  totals: readonly number[];
  /** Hypothesis length in tokens after tokenisation. */
  sysLen: number;
  /** Effective reference length in tokens (closest reference, summed). */
  refLen: number;
}

/** The fields `scoreFromStats` fills in; the rest derive from them. */
type ScoreParts = Omit<
  BleuScore, 'name' | 'ratio' | 'signature' | 'shortSignature' | 'format'
>;

function buildScore(
  s: BleuSettings,
  refCount: RefCount,
  parts: ScoreParts,
): BleuScore {
  const entries = signatureEntries(s, refCount);
  const ratio = parts.refLen ? parts.sysLen / parts.refLen : 0;
  const precs = parts.precisions.map((p) => formatFixed(p, 1)).join('/');
  const verbose = `${precs} (BP = ${formatFixed(parts.bp, 3)} ` +
    `ratio = ${formatFixed(ratio, 3)} hyp_len = ${parts.sysLen} ` +
    `ref_len = ${parts.refLen})`;
  const printable = {
    name: 'BLEU', score: parts.score, verbose, signatureEntries: entries,
  };
  return {
    name: 'BLEU',
    ...parts,
    ratio,
    signature: formatSignature(entries),
    shortSignature: formatSignature(entries, true),
    format: (options) => formatScore(printable, options),
  };
}

/** sacreBLEU's `BLEU.compute_bleu`, step for step (same float order). */
function scoreFromStats(
  s: BleuSettings,
  stats: BleuStatistics,
  refCount: RefCount,
): BleuScore {
  const { sysLen, refLen } = stats;
  const correct = stats.counts.slice();
  const total = stats.totals.slice();
  const smoothValue = s.smoothValue ?? SMOOTH_DEFAULTS[s.smoothMethod] ?? 0;

  let bp = 1.0;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0;

  const precisions = new Array<number>(s.maxNgramOrder).fill(0);
  const parts = {
    counts: correct, totals: total, precisions, bp, sysLen, refLen,
  };
  // No match at any order: BLEU is 0 whatever the smoothing (sacreBLEU #141).
  if (!correct.some((c) => c !== 0)) {
    return buildScore(s, refCount, { score: 0, ...parts });
  }

  let mteval = 1.0;
  let effOrder = s.maxNgramOrder;
  for (let n = 1; n <= s.maxNgramOrder; n += 1) {
    if (s.smoothMethod === 'add-k' && n > 1) {
      correct[n - 1]! += smoothValue;
      total[n - 1]! += smoothValue;
    }
    if (total[n - 1] === 0) break;
    if (s.effectiveOrder) effOrder = n;

    if (correct[n - 1] === 0) {
      if (s.smoothMethod === 'exp') {
        mteval *= 2;
        precisions[n - 1] = 100 / (mteval * total[n - 1]!);
      } else if (s.smoothMethod === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / total[n - 1]!;
      }
    } else {
      precisions[n - 1] = (100 * correct[n - 1]!) / total[n - 1]!;
    }
  }

  // Plain left-to-right sum, as Python's sum() (3.11) adds floats.
  let logSum = 0;
  for (let i = 0; i < effOrder; i += 1) logSum += flooredLog(precisions[i]!);
  const score = bp * Math.exp(logSum / effOrder);
  return buildScore(s, refCount, { score, ...parts });
}

/**
 * The BLEU metric for the scoring skeleton; `sentence` picks sacreBLEU's
 * sentence-level default for effective order. For the command line.
 */
export function createBleuMetric(
  options: BleuOptions,
  sentence: boolean,
): StatsMetric<BleuScore> {
  return bleuMetric(settingsOf(options, sentence));
}

function bleuMetric(s: BleuSettings): StatsMetric<BleuScore> {
  const order = s.maxNgramOrder;
  return {
    size: 2 + 2 * order,
    begin: () => bleuSegmentStats(s),
    compute: (stats, refCount) => scoreFromStats(s, {
      sysLen: stats[0]!,
      refLen: stats[1]!,
      counts: stats.slice(2, 2 + order),
      totals: stats.slice(2 + order, 2 + 2 * order),
    }, refCount),
  };
}

/**
 * Corpus BLEU, equal to sacreBLEU's `corpus_bleu(hypotheses, references)`.
 * `references` are reference streams: `references[k][i]` is the k-th
 * reference of segment i; `null` or `undefined` mark a missing one (`''`
 * is an empty reference, as in sacreBLEU 2.6).
 * @throws QualityInputError on bad options, streams whose length differs
 * from the hypotheses, or a segment without any reference.
 * @public
 */
export function bleu(
  hypotheses: readonly string[],
  references: readonly ReferenceStream[],
  options: BleuOptions = {},
): BleuScore {
  const metric = bleuMetric(settingsOf(options, false));
  return corpusScore(metric, hypotheses, references);
}

/**
 * Sentence BLEU, equal to sacreBLEU's `sentence_bleu` (effective order
 * on by default).
 * @public
 */
export function sentenceBleu(
  hypothesis: string,
  references: readonly string[],
  options: BleuOptions = {},
): BleuScore {
  const metric = bleuMetric(settingsOf(options, true));
  return sentenceScore(metric, hypothesis, references);
}

/**
 * One sentence BLEU per segment of a corpus (sacreBLEU's
 * `--sentence-level`), faster than calling `sentenceBleu` in a loop.
 * @public
 */
export function sentenceBleus(
  hypotheses: readonly string[],
  references: readonly ReferenceStream[],
  options: BleuOptions = {},
): BleuScore[] {
  const metric = bleuMetric(settingsOf(options, true));
  return sentenceScores(metric, hypotheses, references);
}

/**
 * BLEU from already summed statistics (sacreBLEU's `compute_bleu`), for
 * combining statistics gathered elsewhere. Defaults as in `bleu()`.
 * @public
 */
export function computeBleu(
  statistics: BleuStatistics,
  options: BleuOptions = {},
  refCount: RefCount = 1,
): BleuScore {
  const s = settingsOf(
    {
      ...options,
      maxNgramOrder: options.maxNgramOrder ?? statistics.counts.length,
    },
    false,
  );
  return scoreFromStats(s, statistics, refCount);
}
