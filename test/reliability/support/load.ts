/** The host service of the reliability tests: a steady ASR+MT+TTS load. */
import type { SpeechTelemetry } from '../../../src/telemetry.js';

/** Records one full set: an ASR, a translation and a TTS operation. */
export function recordSet(t: SpeechTelemetry, i: number): void {
  const asr = t.asr.start({ model: 'whisper-small', language: 'en', streaming: true });
  asr.firstResult();
  asr.end({ audioSeconds: 2 + (i % 5), confidence: 0.9, detectedLanguage: 'en' });
  const mt = t.translation.start({
    model: 'nllb-600m', sourceLanguage: 'en', targetLanguage: 'de',
  });
  mt.firstToken();
  if (i % 20 === 0) mt.fail(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }));
  else mt.end({ inputCharacters: 40, outputCharacters: 44, cacheHit: i % 3 === 0 });
  const tts = t.tts.start({ model: 'piper', voice: 'amy', language: 'de' });
  tts.firstAudio();
  tts.end({ audioSeconds: 3, characters: 44 });
}

/** A running load: sets recorded and host-side exceptions seen. */
export interface Load {
  readonly sets: () => number;
  readonly hostErrors: unknown[];
  stop(): void;
}

/** Records `perTick` sets every `everyMs` milliseconds until stopped. */
export function startLoad(t: SpeechTelemetry, everyMs = 20, perTick = 1): Load {
  let sets = 0;
  const hostErrors: unknown[] = [];
  const timer = setInterval(() => {
    for (let k = 0; k < perTick; k++) {
      try {
        recordSet(t, sets++);
      } catch (error) {
        hostErrors.push(error);
      }
    }
  }, everyMs);
  return { sets: () => sets, hostErrors, stop: () => clearInterval(timer) };
}
