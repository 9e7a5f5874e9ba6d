import {
  compose,
  expandCommonEnglishContractions,
  reduceToListOfListOfChars,
  reduceToListOfListOfWords,
  reduceToSingleSentence,
  removeKaldiNonWords,
  removeMultipleSpaces,
  removeWhiteSpace,
  strip,
  toLowerCase,
  type Transform,
} from './transforms.js';

/**
 * jiwer's `wer_default`: collapse runs of whitespace, strip, split on
 * spaces. The default of `wer`, `mer`, `wil`, `wip` and `processWords`.
 * @public
 */
export const werDefault: Transform = compose(
  [removeMultipleSpaces, strip],
  reduceToListOfListOfWords(),
);

/**
 * jiwer's `wer_contiguous`: all sentences joined into one first, for
 * reference and hypothesis lists of different lengths.
 * @public
 */
export const werContiguous: Transform = compose(
  [removeMultipleSpaces, strip, reduceToSingleSentence()],
  reduceToListOfListOfWords(),
);

const standardizeSteps = [
  toLowerCase,
  expandCommonEnglishContractions,
  removeKaldiNonWords,
  removeWhiteSpace({ replaceBySpace: true }),
  removeMultipleSpaces,
  strip,
];

/**
 * jiwer's `wer_standardize`: lower case, English contractions expanded,
 * Kaldi non-words removed, whitespace normalised.
 * @public
 */
export const werStandardize: Transform = compose(standardizeSteps, reduceToListOfListOfWords());

/** `werStandardize` over all sentences joined into one. @public */
export const werStandardizeContiguous: Transform = compose(
  [...standardizeSteps, reduceToSingleSentence()],
  reduceToListOfListOfWords(),
);

/**
 * jiwer's `cer_default`: strip, then one token per code point (spaces
 * inside a sentence count as characters).
 * @public
 */
export const cerDefault: Transform = compose([strip], reduceToListOfListOfChars);

/** `cerDefault` over all sentences joined into one. @public */
export const cerContiguous: Transform = compose(
  [strip, reduceToSingleSentence()],
  reduceToListOfListOfChars,
);
