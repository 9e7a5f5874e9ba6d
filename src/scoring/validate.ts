import type { AsyncScorer, QualityScores, ScoringKind } from './types.js';

/*
 * The range each score may take. WER and CER exceed 1 when the
 * hypothesis inserts words; BLEU and chrF are on sacreBLEU's 0–100 scale
 * here; COMET on 0–1 like the other ratios; naturalness is a MOS, 1–5.
 */
const RANGES: Readonly<Record<keyof QualityScores, readonly [number, number]>> = {
  wer: [0, Number.MAX_VALUE],
  cer: [0, Number.MAX_VALUE],
  // sacreBLEU's own arithmetic can land a hair above 100 (exp of a sum
  // of logs); that is its value, not garbage.
  bleu: [0, 100 + 1e-9],
  chrf: [0, 100 + 1e-9],
  comet: [0, 1],
  naturalness: [1, 5],
};

const DEFAULT_METRIC: Readonly<Record<ScoringKind, keyof QualityScores>> = {
  translation: 'comet',
  tts: 'naturalness',
  asr: 'wer',
};

/** True for a known score key. */
export function isScoreKey(key: string): key is keyof QualityScores {
  return Object.prototype.hasOwnProperty.call(RANGES, key);
}

/** True when `value` is a finite number inside the range of `key`. */
export function validScore(key: keyof QualityScores, value: unknown): value is number {
  const [lo, hi] = RANGES[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= lo && value <= hi;
}

/**
 * The scores in a pluggable scorer's result, or undefined when any part
 * of it is garbage (not a number or a plain object, unknown key, NaN,
 * out of range): a half-valid answer is not trusted.
 */
export function checkResult(scorer: AsyncScorer, result: unknown): QualityScores | undefined {
  if (typeof result === 'number') {
    const key = scorer.metric ?? DEFAULT_METRIC[scorer.kind];
    return validScore(key, result) ? { [key]: result } : undefined;
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  const out: QualityScores = {};
  const entries = Object.entries(result as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (!isScoreKey(key) || !validScore(key, value)) return undefined;
    out[key] = value;
  }
  return entries.length > 0 ? out : undefined;
}
