/**
 * The WER family (WER, MER, WIL, WIP, CER) equal to jiwer 4.0, with its
 * transforms and alignment views.
 */
export type { AlignmentChunk, ChunkType } from './editops.js';
export { cer, mer, wer, wil, wip } from './measures.js';
export {
  processCharacters,
  processWords,
  type CharacterOutput,
  type ErrorCounts,
  type WerInput,
  type WerOptions,
  type WordOutput,
} from './process.js';
export {
  cerContiguous,
  cerDefault,
  werContiguous,
  werDefault,
  werStandardize,
  werStandardizeContiguous,
} from './presets.js';
export {
  compose,
  expandCommonEnglishContractions,
  reduceToListOfListOfChars,
  reduceToListOfListOfWords,
  reduceToSingleSentence,
  removeEmptyStrings,
  removeKaldiNonWords,
  removeMultipleSpaces,
  removePunctuation,
  removeSpecificWords,
  removeWhiteSpace,
  strip,
  substituteRegexes,
  substituteWords,
  toLowerCase,
  toUpperCase,
  type Reducer,
  type SentenceStep,
  type Transform,
} from './transforms.js';
export {
  collectErrorCounts,
  visualizeAlignment,
  visualizeErrorCounts,
  type ErrorCountOptions,
  type ErrorTally,
  type VisualizeOptions,
} from './visualize.js';
