import { QualityInputError } from '../errors.js';
import { PY_SPACE_CLASS, pyStrip } from './text.js';

/**
 * Text transforms in the manner of jiwer's `transforms` module. A step
 * maps a list of sentences to a list of sentences; a reducer turns the
 * list into token lists (words or characters) and ends every chain.
 * @public
 */
export type SentenceStep = (sentences: readonly string[]) => string[];

/** The last step of a chain: sentences to token lists. @public */
export type Reducer = (sentences: readonly string[]) => string[][];

/** A whole chain, as passed in the options of the scorers. @public */
export type Transform = (sentences: readonly string[]) => string[][];

/**
 * Chains steps and ends with a reducer, like `jiwer.Compose`.
 *
 * @example
 * ```ts
 * const t = compose([toLowerCase, removePunctuation, removeMultipleSpaces,
 *   strip], reduceToListOfListOfWords());
 * wer('Hello, World', 'hello world', { transform: t }); // 0
 * ```
 * @public
 */
export function compose(steps: readonly SentenceStep[], reducer: Reducer): Transform {
  const chain = [...steps];
  return (sentences) => {
    let current: readonly string[] = sentences;
    for (const step of chain) current = step(current);
    return reducer(current);
  };
}

function perSentence(fn: (s: string) => string): SentenceStep {
  return (sentences) => sentences.map((s) => fn(s));
}

/** Lower-cases every character (Python's `str.lower()`). @public */
export const toLowerCase: SentenceStep = perSentence((s) => s.toLowerCase());

/** Upper-cases every character (Python's `str.upper()`). @public */
export const toUpperCase: SentenceStep = perSentence((s) => s.toUpperCase());

/** Removes leading and trailing whitespace (Python's `str.strip()`). @public */
export const strip: SentenceStep = perSentence(pyStrip);

const MULTI_SPACE = new RegExp(`[${PY_SPACE_CLASS}]{2,}`, 'g');

/**
 * Replaces every run of two or more whitespace characters by one space
 * (jiwer's `RemoveMultipleSpaces`); a single tab is left as it is.
 * @public
 */
export const removeMultipleSpaces: SentenceStep = perSentence((s) =>
  s.replace(MULTI_SPACE, ' '),
);

const ASCII_SPACE = /[ \t\n\r\v\f]/g;

/**
 * Removes the ASCII whitespace characters of Python's `string.whitespace`,
 * or replaces each by a space when `replaceBySpace` is true (default
 * false), like jiwer's `RemoveWhiteSpace`.
 * @public
 */
export function removeWhiteSpace(options: { replaceBySpace?: boolean } = {}): SentenceStep {
  const by = options.replaceBySpace === true ? ' ' : '';
  return perSentence((s) => s.replace(ASCII_SPACE, by));
}

const PUNCTUATION = /\p{P}/gu;

/** Removes every character of Unicode category P (punctuation). @public */
export const removePunctuation: SentenceStep = perSentence((s) =>
  s.replace(PUNCTUATION, ''),
);

/** Drops sentences that are empty after stripping. @public */
export const removeEmptyStrings: SentenceStep = (sentences) =>
  sentences.filter((s) => pyStrip(s) !== '');

/**
 * Joins the non-empty sentences into one, separated by `wordDelimiter`
 * (default one space), like jiwer's `ReduceToSingleSentence`.
 * @public
 */
export function reduceToSingleSentence(options: { wordDelimiter?: string } = {}): SentenceStep {
  const sep = options.wordDelimiter ?? ' ';
  return (sentences) => {
    const kept = sentences.filter((s) => s.length > 0);
    return kept.length === 0 ? [] : [kept.join(sep)];
  };
}

// Python's `\b` on str patterns is Unicode-aware; JavaScript's is ASCII
// even with the u flag, so the boundary is spelled out with lookarounds.
const WORD = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Replaces whole words (matched between word boundaries) by others, in
 * the order given, like jiwer's `SubstituteWords`.
 * @public
 */
export function substituteWords(substitutions: Readonly<Record<string, string>>): SentenceStep {
  const rules = Object.entries(substitutions).map(
    ([from, to]) => [new RegExp(`${BOUNDARY}${escapeRegExp(from)}${BOUNDARY}`, 'gu'), to] as const,
  );
  return perSentence((s) => rules.reduce((acc, [re, to]) => acc.replace(re, to), s));
}

/**
 * Replaces every match of each regular expression (JavaScript syntax;
 * `$1` for groups) in the order given, like jiwer's `SubstituteRegexes`.
 * @public
 */
export function substituteRegexes(
  substitutions: Readonly<Record<string, string>> | readonly (readonly [RegExp, string])[],
): SentenceStep {
  const rules = Array.isArray(substitutions)
    ? substitutions.map(([re, to]) => [new RegExp(re.source, withGlobal(re.flags)), to] as const)
    : Object.entries(substitutions).map(([re, to]) => [new RegExp(re, 'gu'), to] as const);
  return perSentence((s) => rules.reduce((acc, [re, to]) => acc.replace(re, to), s));
}

function withGlobal(flags: string): string {
  return flags.includes('g') ? flags : `${flags}g`;
}

/**
 * Replaces the given words by a space; follow with
 * {@link removeMultipleSpaces} and {@link strip}, as in jiwer.
 * @public
 */
export function removeSpecificWords(words: readonly string[]): SentenceStep {
  return substituteWords(Object.fromEntries(words.map((w) => [w, ' '])));
}

/** Removes Kaldi non-words such as `[laugh]` and `<unk>`. @public */
export const removeKaldiNonWords: SentenceStep = perSentence((s) =>
  s.replace(/[<[][^>\]]*[>\]]/g, ''),
);

const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/won't/g, 'will not'],
  [/can't/g, 'can not'],
  [/let's/g, 'let us'],
  [/n't/g, ' not'],
  [/'re/g, ' are'],
  [/'s/g, ' is'],
  [/'d/g, ' would'],
  [/'ll/g, ' will'],
  [/'t/g, ' not'],
  [/'ve/g, ' have'],
  [/'m/g, ' am'],
];

/** Expands common English contractions (`can't` → `can not`). @public */
export const expandCommonEnglishContractions: SentenceStep = perSentence((s) =>
  CONTRACTIONS.reduce((acc, [re, to]) => acc.replace(re, to), s),
);

/**
 * Splits each sentence on `wordDelimiter` (default one space) and drops
 * empty words, like jiwer's `ReduceToListOfListOfWords`. An empty list
 * of sentences becomes one empty sentence.
 * @public
 */
export function reduceToListOfListOfWords(options: { wordDelimiter?: string } = {}): Reducer {
  const sep = options.wordDelimiter ?? ' ';
  return (sentences) => {
    if (sentences.length === 0) return [[]];
    return sentences.map((s) => s.split(sep).filter((w) => w.length > 0));
  };
}

/**
 * Splits each sentence into code points (Python characters), like
 * jiwer's `ReduceToListOfListOfChars`.
 * @public
 */
export const reduceToListOfListOfChars: Reducer = (sentences) => {
  if (sentences.length === 0) return [[]];
  return sentences.map((s) => Array.from(s));
};

/** Checks a transform's result the way jiwer does before scoring. */
export function checkTokenLists(value: unknown, side: string): string[][] {
  const ok =
    Array.isArray(value) &&
    value.every((e) => Array.isArray(e) && e.every((t) => typeof t === 'string'));
  if (!ok) {
    throw new QualityInputError(
      `after the transform, each ${side} must be a list of strings ` +
        '(one word or character each)',
    );
  }
  return value as string[][];
}
