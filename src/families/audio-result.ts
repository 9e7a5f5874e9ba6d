import { audioDurationSeconds, type PcmFormat } from '../audio.js';
import { reporter } from '../internal/report.js';
import type { Series } from '../sink/recorder.js';

/** Audio length of an ASR input or TTS output, given or derived. @public */
export interface AudioResult {
  /** Seconds of audio. Takes precedence over `audio`. */
  audioSeconds?: number;
  /** The audio itself: a WAV file, or raw PCM described by `audioFormat`. */
  audio?: Uint8Array;
  /** Layout of raw PCM in `audio`; omit for WAV. */
  audioFormat?: PcmFormat;
}

/**
 * Records the audio length and the real-time factor (processing seconds ÷
 * audio seconds). The factor is skipped for empty audio, which has none.
 */
export function recordAudio(r: AudioResult, seconds: number, audio: Series, rtf: Series): void {
  let audioSeconds = r.audioSeconds;
  if (audioSeconds === undefined && r.audio !== undefined) {
    audioSeconds = audioDurationSeconds(r.audio, r.audioFormat);
    if (audioSeconds === undefined) reporter().drop('invalid_value', 'audio buffer');
  }
  if (audioSeconds === undefined) return;
  audio.record(audioSeconds);
  if (typeof audioSeconds === 'number' && audioSeconds > 0) rtf.record(seconds / audioSeconds);
}
