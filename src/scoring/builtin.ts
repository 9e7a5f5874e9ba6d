import { sentenceBleu } from '../quality/bleu.js';
import { sentenceChrf } from '../quality/chrf.js';
import { cer, wer } from '../quality/wer/measures.js';
import type { QualityScores, ScoringKind } from './types.js';

/** The text of one job, as sent to the worker thread. */
export interface BuiltInInput {
  readonly kind: ScoringKind;
  readonly hypothesis: string;
  readonly references: readonly string[];
}

/**
 * The built-in scores of one job: WER and CER (jiwer defaults) against
 * the first reference for ASR, sentence BLEU and chrF (sacreBLEU
 * defaults) against all references for translation, nothing for TTS.
 * Throws on input the scorers reject; callers catch and count.
 */
export function scoreBuiltIn(input: BuiltInInput): QualityScores {
  if (input.kind === 'asr') {
    const reference = input.references[0];
    return {
      wer: wer(reference, input.hypothesis),
      cer: cer(reference, input.hypothesis),
    };
  }
  if (input.kind === 'translation') {
    return {
      bleu: sentenceBleu(input.hypothesis, input.references).score,
      chrf: sentenceChrf(input.hypothesis, input.references).score,
    };
  }
  return {};
}

/** Total characters of a job, to decide where it is scored. */
export function textSize(input: BuiltInInput): number {
  let n = input.hypothesis.length;
  for (const r of input.references) n += r.length;
  return n;
}
