/**
 * Quality scorers equal to sacreBLEU (BLEU, chrF) and jiwer (the WER
 * family). No OpenTelemetry import: this entry point can be used alone.
 *
 * @packageDocumentation
 */
export {
  bleu, sentenceBleu, sentenceBleus, computeBleu,
  type BleuOptions, type BleuScore, type BleuSmoothMethod, type BleuStatistics,
} from './bleu.js';
export {
  chrf, sentenceChrf, sentenceChrfs, type ChrfOptions, type ChrfScore,
} from './chrf.js';
export { ter, sentenceTer, type TerOptions, type TerScore } from './ter.js';
export type { TerTokenizerOptions } from './ter-tokenizer.js';
export { BLEU_TOKENIZERS, type BleuTokenizer } from './tokenizers/index.js';
export type { ScoreFormatOptions } from './score-format.js';
export type { ReferenceStream, RefCount } from './metric.js';
export { QualityInputError } from './errors.js';
export * from './wer/index.js';
