import { processCharacters, processWords, type WerInput, type WerOptions } from './process.js';

/**
 * Word error rate, (S + D + I) / N, as jiwer's `wer` (reference first).
 * 0 is perfect; above 1 when the hypothesis adds many words. An empty
 * reference gives the number of inserted words.
 *
 * @example
 * ```ts
 * wer('this is a test', 'this is test'); // 0.25
 * ```
 * @throws {@link QualityInputError} for input that is not text or lists of
 * different lengths.
 * @public
 */
export function wer(reference: WerInput, hypothesis: WerInput, options?: WerOptions): number {
  return processWords(reference, hypothesis, options).wer;
}

/** Match error rate, (S + D + I) / (H + S + D + I), 0–1. @public */
export function mer(reference: WerInput, hypothesis: WerInput, options?: WerOptions): number {
  return processWords(reference, hypothesis, options).mer;
}

/** Word information lost, 1 − WIP, 0–1. @public */
export function wil(reference: WerInput, hypothesis: WerInput, options?: WerOptions): number {
  return processWords(reference, hypothesis, options).wil;
}

/** Word information preserved, (H / N_ref) · (H / N_hyp), 0–1. @public */
export function wip(reference: WerInput, hypothesis: WerInput, options?: WerOptions): number {
  return processWords(reference, hypothesis, options).wip;
}

/**
 * Character error rate over code points, as jiwer's `cer`: leading and
 * trailing whitespace stripped, inner spaces counted.
 * @public
 */
export function cer(reference: WerInput, hypothesis: WerInput, options?: WerOptions): number {
  return processCharacters(reference, hypothesis, options).cer;
}
