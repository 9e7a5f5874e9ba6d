/**
 * The demo corpus (data/sentences.json), bundled into the CLI at build
 * time so `npx speechmetry demo` needs no extra files.
 */
import corpus from '../../data/sentences.json';

/** Target languages of the corpus. */
export type DemoLanguage = 'de' | 'fr' | 'es';

/** The target languages the demo translates into. */
export const DEMO_LANGUAGES: readonly DemoLanguage[] = ['de', 'fr', 'es'];

/** One source sentence with its references and imperfect system outputs. */
export interface SentencePair {
  id: number;
  /** English source sentence. */
  en: string;
  /** Reference translations. */
  ref: Record<DemoLanguage, string>;
  /** Imperfect recognised transcript of `en`. */
  asr: string;
  /** Imperfect machine translations. */
  mt: Record<DemoLanguage, string>;
}

/** All sentence pairs of the corpus. */
export function sentencePairs(): readonly SentencePair[] {
  return corpus.pairs as SentencePair[];
}

/** Lower case without punctuation: how transcripts are compared for WER. */
export function normaliseTranscript(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,;!?¿¡"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
