import { QualityInputError } from '../errors.js';
import { editops, toChunks, type AlignmentChunk } from './editops.js';
import { cerDefault, werDefault } from './presets.js';
import {
  checkTokenLists,
  removePunctuation as stripPunctuation,
  removeWhiteSpace,
  removeMultipleSpaces,
  toLowerCase,
  type SentenceStep,
  type Transform,
} from './transforms.js';

/** One sentence, or a corpus of sentences (counts summed). @public */
export type WerInput = string | readonly string[];

/**
 * Options of the WER-family scorers. Without a transform, jiwer's
 * defaults apply (`werDefault` for words, `cerDefault` for characters);
 * the flags run before it, on both sides.
 * @public
 */
export interface WerOptions {
  /** The transform for both sides; replaces the default. */
  readonly transform?: Transform;
  /** The transform for the reference only (default: `transform`). */
  readonly referenceTransform?: Transform;
  /** The transform for the hypothesis only (default: `transform`). */
  readonly hypothesisTransform?: Transform;
  /** Lower-case both sides first. Default false. */
  readonly lowercase?: boolean;
  /** Remove Unicode punctuation (category P) first. Default false. */
  readonly removePunctuation?: boolean;
  /**
   * Turn every whitespace character (tabs, newlines) into a space and
   * runs into one, so a tab separates words. Default false.
   */
  readonly collapseWhitespace?: boolean;
}

/** Counts shared by the word and character results. @public */
export interface ErrorCounts {
  /** Reference tokens matched unchanged (H), summed over sentences. */
  readonly hits: number;
  /** Reference tokens replaced by another (S), summed. */
  readonly substitutions: number;
  /** Reference tokens missing from the hypothesis (D), summed. */
  readonly deletions: number;
  /** Hypothesis tokens with no reference token (I), summed. */
  readonly insertions: number;
}

/** The result of {@link processWords} (jiwer's `WordOutput`). @public */
export interface WordOutput extends ErrorCounts {
  /** Word error rate, (S + D + I) / (H + S + D); may exceed 1. */
  readonly wer: number;
  /** Match error rate, (S + D + I) / (H + S + D + I). */
  readonly mer: number;
  /** Word information lost, 1 − wip. */
  readonly wil: number;
  /** Word information preserved, (H / N_ref) · (H / N_hyp). */
  readonly wip: number;
  /** The transformed references, one token list per sentence. */
  readonly references: string[][];
  /** The transformed hypotheses, one token list per sentence. */
  readonly hypotheses: string[][];
  /** Per sentence, the chunks of the alignment. */
  readonly alignments: AlignmentChunk[][];
}

/** The result of {@link processCharacters} (jiwer's `CharacterOutput`). @public */
export interface CharacterOutput extends ErrorCounts {
  /** Character error rate, (S + D + I) / (H + S + D); may exceed 1. */
  readonly cer: number;
  /** The transformed references, one character list per sentence. */
  readonly references: string[][];
  /** The transformed hypotheses, one character list per sentence. */
  readonly hypotheses: string[][];
  /** Per sentence, the chunks of the character alignment. */
  readonly alignments: AlignmentChunk[][];
}

function asList(value: unknown, side: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value as string[];
  }
  throw new QualityInputError(`the ${side} must be a string or a list of strings`);
}

function preSteps(options: WerOptions): SentenceStep[] {
  const steps: SentenceStep[] = [];
  if (options.lowercase === true) steps.push(toLowerCase);
  if (options.removePunctuation === true) steps.push(stripPunctuation);
  if (options.collapseWhitespace === true) {
    steps.push(removeWhiteSpace({ replaceBySpace: true }), removeMultipleSpaces);
  }
  return steps;
}

function applySide(
  input: unknown, side: 'reference' | 'hypothesis', options: WerOptions, fallback: Transform,
): string[][] {
  let sentences = asList(input, side);
  for (const step of preSteps(options)) sentences = step(sentences);
  const chosen =
    (side === 'reference' ? options.referenceTransform : options.hypothesisTransform) ??
    options.transform ??
    fallback;
  return checkTokenLists(chosen(sentences), side);
}

/** Maps every token to an integer, in order of first appearance. */
function toIds(refs: string[][], hyps: string[][]): [Int32Array[], Int32Array[]] {
  const ids = new Map<string, number>();
  const encode = (tokens: string[]): Int32Array => {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      let id = ids.get(tokens[i]);
      if (id === undefined) ids.set(tokens[i], (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  return [refs.map(encode), hyps.map(encode)];
}

interface Tally extends ErrorCounts {
  readonly refTokens: number;
  readonly hypTokens: number;
  readonly alignments: AlignmentChunk[][];
}

function tally(refs: Int32Array[], hyps: Int32Array[]): Tally {
  let hits = 0;
  let substitutions = 0;
  let deletions = 0;
  let insertions = 0;
  let refTokens = 0;
  let hypTokens = 0;
  const alignments: AlignmentChunk[][] = [];
  for (let i = 0; i < refs.length; i++) {
    const chunks = toChunks(editops(refs[i], hyps[i]), refs[i].length, hyps[i].length);
    for (const c of chunks) {
      const span = c.refEndIdx - c.refStartIdx;
      if (c.type === 'equal') hits += span;
      else if (c.type === 'substitute') substitutions += span;
      else if (c.type === 'delete') deletions += span;
      else insertions += c.hypEndIdx - c.hypStartIdx;
    }
    refTokens += refs[i].length;
    hypTokens += hyps[i].length;
    alignments.push(chunks);
  }
  return { hits, substitutions, deletions, insertions, refTokens, hypTokens, alignments };
}

function align(
  reference: unknown, hypothesis: unknown, options: WerOptions, fallback: Transform,
): { refs: string[][]; hyps: string[][]; t: Tally } {
  const refs = applySide(reference, 'reference', options, fallback);
  const hyps = applySide(hypothesis, 'hypothesis', options, fallback);
  if (refs.length !== hyps.length) {
    throw new QualityInputError(
      `after the transforms, reference and hypothesis must hold as many ` +
        `sentences; got ${refs.length} and ${hyps.length}`,
    );
  }
  const [refIds, hypIds] = toIds(refs, hyps);
  return { refs, hyps, t: tally(refIds, hypIds) };
}

/** The four measures from the totals, with jiwer 4.0's empty-reference rules. */
function measures(t: Tally): { wer: number; mer: number; wil: number; wip: number } {
  const { hits: h, substitutions: s, deletions: d, insertions: i } = t;
  let wer: number;
  let mer: number;
  let wip: number;
  if (t.refTokens === 0) {
    // jiwer 4.0: an empty reference scores the insertions as the WER, and
    // silence recognised as silence is a perfect match.
    wer = i;
    mer = t.hypTokens === 0 ? 0 : 1;
    wip = t.hypTokens === 0 ? 1 : 0;
  } else {
    wer = (s + d + i) / (h + s + d);
    mer = (s + d + i) / (h + s + d + i);
    wip = t.hypTokens >= 1 ? (h / t.refTokens) * (h / t.hypTokens) : 0;
  }
  return { wer, mer, wil: 1 - wip, wip };
}

/**
 * Word-level alignment and every measure of jiwer's `process_words`,
 * equal to jiwer 4.0 (including how ties between equal-cost alignments
 * are broken). A list on either side is a corpus: counts are summed over
 * the sentences, then the rates are computed.
 *
 * @throws {@link QualityInputError} for input that is not a string or a
 * list of strings, or lists of different lengths after the transforms.
 * @public
 */
export function processWords(
  reference: WerInput, hypothesis: WerInput, options: WerOptions = {},
): WordOutput {
  const { refs, hyps, t } = align(reference, hypothesis, options, werDefault);
  return { ...measures(t), ...tallies(t, refs, hyps) };
}

/**
 * Character-level alignment and the CER (jiwer's `process_characters`).
 * Characters are code points, as in Python; spaces inside a sentence
 * count.
 *
 * @throws {@link QualityInputError} as {@link processWords}.
 * @public
 */
export function processCharacters(
  reference: WerInput, hypothesis: WerInput, options: WerOptions = {},
): CharacterOutput {
  const { refs, hyps, t } = align(reference, hypothesis, options, cerDefault);
  return { cer: measures(t).wer, ...tallies(t, refs, hyps) };
}

/** The counts, tokens and alignment both outputs report. */
function tallies<T>(
  t: { hits: number; substitutions: number; deletions: number; insertions: number;
    alignments: AlignmentChunk[][] },
  references: T,
  hypotheses: T,
) {
  const { hits, substitutions, deletions, insertions, alignments } = t;
  return { hits, substitutions, deletions, insertions, references, hypotheses, alignments };
}
