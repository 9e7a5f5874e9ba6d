/**
 * TER equal to sacreBLEU 2.6 (`sacrebleu.metrics.TER`): Tercom's
 * translation edit rate with its tokenizer switches, several references
 * (the fewest edits, over the average reference length), signature.
 */
import { VERSION } from '../version.js';
import { translationEditRate } from './ter-edit.js';
import { terTokens, type TerTokenizerOptions } from './ter-tokenizer.js';
import {
  corpusScore, sentenceScore,
  type RefCount, type ReferenceStream, type StatsMetric,
} from './metric.js';
import { pyRstrip } from './python-text.js';
import {
  formatScore, formatSignature, nrefsEntry,
  type ScoreFormatOptions, type SignatureEntry,
} from './score-format.js';

/** TER options, sacreBLEU's keyword arguments in camelCase. */
export type TerOptions = TerTokenizerOptions;

/** A TER result. @public */
export interface TerScore {
  /** The metric's name, always `TER`. */
  readonly name: 'TER';
  /** TER on sacreBLEU's 0–100 scale (may exceed 100). */
  readonly score: number;
  /** Summed edits (shifts + insertions, deletions, substitutions). */
  readonly numEdits: number;
  /** Summed average reference length. */
  readonly refLength: number;
  /** `nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:…`. */
  readonly signature: string;
  /** The same signature with sacreBLEU's short keys (`#:1|c:lc|…`). */
  readonly shortSignature: string;
  /** sacreBLEU's rendering; without options `str(score)`: `TER = 40.00`. */
  format(options?: ScoreFormatOptions): string;
}

const yesNo = (flag: boolean | undefined): string =>
  (flag === true ? 'yes' : 'no');

function signatureEntries(o: TerOptions, refCount: RefCount): SignatureEntry[] {
  return [
    nrefsEntry(refCount),
    ['case', 'c', o.caseSensitive === true ? 'mixed' : 'lc'],
    ['tok', 't', 'tercom'],
    ['norm', 'nr', yesNo(o.normalized)],
    ['punct', 'pn', yesNo(o.noPunct !== true)],
    ['asian', 'as', yesNo(o.asianSupport)],
    ['version', 'v', VERSION],
  ];
}

function buildScore(
  o: TerOptions,
  stats: readonly number[],
  refCount: RefCount,
): TerScore {
  const [edits, refLength] = [stats[0]!, stats[1]!];
  let rate = 0;
  if (refLength > 0) rate = edits / refLength;
  else if (edits > 0) rate = 1; // empty references, non-empty hypothesis
  const entries = signatureEntries(o, refCount);
  const printable = {
    name: 'TER', score: 100 * rate, verbose: '', signatureEntries: entries,
  };
  return {
    name: 'TER',
    score: 100 * rate,
    numEdits: edits,
    refLength,
    signature: formatSignature(entries),
    shortSignature: formatSignature(entries, true),
    format: (options) => formatScore(printable, options),
  };
}

/** The TER metric for the scoring skeleton. */
export function createTerMetric(
  options: TerOptions = {},
): StatsMetric<TerScore> {
  const tokens = (text: string): string[] => terTokens(pyRstrip(text), options);
  return {
    size: 2,
    begin: () => (hypothesis, references) => {
      const hyp = tokens(hypothesis);
      let best = Number.POSITIVE_INFINITY;
      let lengths = 0;
      for (const ref of references) {
        const [edits, length] = translationEditRate(hyp, tokens(ref));
        lengths += length;
        if (edits < best) best = edits;
      }
      return [best, lengths / references.length];
    },
    compute: (stats, refCount) => buildScore(options, stats, refCount),
  };
}

/**
 * Corpus TER, equal to sacreBLEU's `TER().corpus_score` (reference
 * streams, as for `bleu`).
 * @public
 */
export function ter(
  hypotheses: readonly string[],
  references: readonly ReferenceStream[],
  options: TerOptions = {},
): TerScore {
  return corpusScore(createTerMetric(options), hypotheses, references);
}

/** Sentence TER, equal to sacreBLEU's `TER().sentence_score`. @public */
export function sentenceTer(
  hypothesis: string,
  references: readonly string[],
  options: TerOptions = {},
): TerScore {
  return sentenceScore(createTerMetric(options), hypothesis, references);
}
