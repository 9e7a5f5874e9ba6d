import type { BuiltInInput } from './builtin.js';
import type { ScoringJob } from './types.js';

const KINDS = new Set(['asr', 'translation', 'tts']);

/** True when a submitted job has the shape the scheduler needs. */
export function checkJob(job: ScoringJob): boolean {
  return (
    typeof job === 'object' && job !== null &&
    KINDS.has(job.kind) &&
    typeof job.hypothesis === 'string' &&
    Array.isArray(job.references) &&
    job.references.every((r) => typeof r === 'string') &&
    typeof job.onScores === 'function' &&
    typeof job.onDone === 'function'
  );
}

/**
 * Whether the built-in scores can be computed: ASR needs a first
 * reference with a word in it (jiwer would score an empty one as the
 * count of inserted words, which is no rate), translation at least one
 * non-blank reference, and TTS has no built-in score.
 */
export function hasReference(input: BuiltInInput): boolean {
  if (input.kind === 'asr') return (input.references[0] ?? '').trim() !== '';
  if (input.kind === 'translation') return input.references.some((r) => r.trim() !== '');
  return false;
}
