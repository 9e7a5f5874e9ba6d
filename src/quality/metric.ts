/**
 * The one skeleton every sacreBLEU-style scorer shares (STYLE.md habit
 * 12). A metric supplies two things: the sufficient statistics of one
 * segment against its references, and the score computed from (summed)
 * statistics. Corpus scoring sums the statistics of all segments and
 * computes once; sentence scoring is corpus scoring of one segment, as in
 * sacreBLEU's `sentence_score`.
 */
import { QualityInputError } from './errors.js';

/** Reference count for the signature: a number, or `var` when it varies. */
export type RefCount = number | 'var';

/** What a metric supplies to the skeleton. */
export interface StatsMetric<S> {
  /** Length of one segment's statistics vector. */
  readonly size: number;
  /**
   * Returns the statistics function for one scoring call; the closure may
   * keep scratch state (interning tables) across that call's segments.
   */
  begin(): (hypothesis: string, references: readonly string[]) => number[];
  /** The score from summed statistics. */
  compute(stats: readonly number[], refCount: RefCount): S;
}

/**
 * A reference stream: entry `i` is one reference of segment `i`; `null`
 * or `undefined` where segment `i` has fewer references.
 */
export type ReferenceStream = ReadonlyArray<string | null | undefined>;

/**
 * The references of segment `index`. sacreBLEU 2.6 drops `None` entries
 * (a segment with fewer references) but keeps `''` as an empty reference;
 * a segment with no reference at all cannot be scored.
 */
function segmentReferences(
  streams: readonly ReferenceStream[],
  index: number,
): string[] {
  const refs: string[] = [];
  for (const stream of streams) {
    const ref = stream[index];
    if (typeof ref === 'string') refs.push(ref);
  }
  if (refs.length === 0) {
    throw new QualityInputError(`segment ${index} has no reference`);
  }
  return refs;
}

function checkShape(
  hypotheses: readonly string[],
  streams: readonly ReferenceStream[],
): void {
  // Untyped callers (JavaScript, parsed JSON) get the documented error,
  // not a TypeError from deep inside a tokenizer.
  if (!Array.isArray(hypotheses) || hypotheses.some((h) => typeof h !== 'string')) {
    throw new QualityInputError('hypotheses must be a list of strings');
  }
  if (!Array.isArray(streams) || streams.some((s) => !Array.isArray(s))) {
    throw new QualityInputError('references must be a list of reference streams');
  }
  if (streams.length === 0) {
    throw new QualityInputError('no reference stream given');
  }
  for (const [k, stream] of streams.entries()) {
    if (stream.length !== hypotheses.length) {
      throw new QualityInputError(
        `reference stream ${k} has ${stream.length} segments, ` +
          `hypotheses have ${hypotheses.length}`,
      );
    }
  }
}

/** Told how many segments are done, every so often (a progress bar). */
export type ProgressListener = (done: number, total: number) => void;

const PROGRESS_STEP = 1000;

/** Corpus score: statistics summed over all segments, computed once. */
export function corpusScore<S>(
  metric: StatsMetric<S>,
  hypotheses: readonly string[],
  streams: readonly ReferenceStream[],
  onProgress?: ProgressListener,
): S {
  checkShape(hypotheses, streams);
  const segmentStats = metric.begin();
  const totals = new Array<number>(metric.size).fill(0);
  let refCount: RefCount | undefined;

  for (let i = 0; i < hypotheses.length; i += 1) {
    const refs = segmentReferences(streams, i);
    refCount = refCount === undefined || refCount === refs.length
      ? refs.length : 'var';
    const stats = segmentStats(hypotheses[i]!, refs);
    for (let k = 0; k < totals.length; k += 1) totals[k]! += stats[k]!;
    if (onProgress && (i + 1) % PROGRESS_STEP === 0) {
      onProgress(i + 1, hypotheses.length);
    }
  }
  onProgress?.(hypotheses.length, hypotheses.length);

  return metric.compute(totals, refCount ?? 0);
}

/** Sentence score: one hypothesis against its references. */
export function sentenceScore<S>(
  metric: StatsMetric<S>,
  hypothesis: string,
  references: readonly string[],
): S {
  if (!Array.isArray(references)) {
    throw new QualityInputError('references must be a list of strings');
  }
  return corpusScore(metric, [hypothesis], references.map((r) => [r]));
}

/**
 * One sentence score per segment, sharing one scoring call's scratch
 * state (what `sacrebleu --sentence-level` prints).
 */
export function sentenceScores<S>(
  metric: StatsMetric<S>,
  hypotheses: readonly string[],
  streams: readonly ReferenceStream[],
  onProgress?: ProgressListener,
): S[] {
  checkShape(hypotheses, streams);
  const segmentStats = metric.begin();
  const scores = hypotheses.map((hypothesis, i) => {
    const refs = segmentReferences(streams, i);
    if (onProgress && (i + 1) % PROGRESS_STEP === 0) {
      onProgress(i + 1, hypotheses.length);
    }
    return metric.compute(segmentStats(hypothesis, refs), refs.length);
  });
  onProgress?.(hypotheses.length, hypotheses.length);
  return scores;
}
