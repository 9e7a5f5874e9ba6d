/**
 * Speech synthesis for the demo: real audio from `espeak-ng` when it is
 * installed, a synthetic waveform otherwise. Either way the result is a
 * WAV buffer whose header gives the audio length.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lognormal, sleep } from './random.js';

/** What a synthesis produced. */
export interface Synthesis {
  /** A complete WAV file. */
  wav: Uint8Array;
}

/** A text-to-speech engine the demo service calls. */
export interface SpeechEngine {
  /** `espeak-ng` or `synthetic`. */
  readonly name: string;
  /**
   * Synthesises `text` in `language`; calls `onFirstAudio` when the first
   * audio bytes exist (the streaming latency users hear).
   */
  synthesize(text: string, language: string, onFirstAudio: () => void): Promise<Synthesis>;
}

/** True when `espeak-ng` runs on this machine. */
export function hasEspeak(): boolean {
  try {
    return spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

/** Picks espeak-ng when available (unless `synthetic` is forced). */
export function createSpeechEngine(random: () => number, synthetic = false): SpeechEngine {
  return !synthetic && hasEspeak() ? espeakEngine() : syntheticEngine(random);
}

function espeakEngine(): SpeechEngine {
  return {
    name: 'espeak-ng',
    synthesize: (text, language, onFirstAudio) =>
      new Promise((resolve, reject) => {
        const child = spawn('espeak-ng', ['-v', language, '--stdout', text], {
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        const chunks: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunks.length === 0) onFirstAudio();
          chunks.push(chunk);
        });
        child.on('error', reject);
        child.on('close', (code) => {
          if (code === 0) resolve({ wav: Buffer.concat(chunks) });
          else reject(new Error(`espeak-ng exited with ${code}`));
        });
      }),
  };
}

const SAMPLE_RATE = 16_000;

// Without espeak-ng: a tone-and-noise waveform as long as the text would
// take to say (about 14 characters a second), produced after a lognormal
// delay so latencies still look like a service's.
function syntheticEngine(random: () => number): SpeechEngine {
  return {
    name: 'synthetic',
    async synthesize(text, _language, onFirstAudio) {
      await sleep(lognormal(random, 40, 0.3));
      onFirstAudio();
      const seconds = Math.max(0.5, text.length / 14);
      await sleep(seconds * 30);
      return { wav: waveform(seconds, random) };
    },
  };
}

/** A mono 16-bit WAV of a modulated tone with a little noise. */
export function waveform(seconds: number, random: () => number): Uint8Array {
  const samples = Math.round(seconds * SAMPLE_RATE);
  const out = Buffer.alloc(44 + samples * 2);
  writeWavHeader(out, samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / SAMPLE_RATE;
    const envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
    const v = envelope * Math.sin(2 * Math.PI * 180 * t) * 0.6 + (random() - 0.5) * 0.05;
    out.writeInt16LE(Math.round(v * 32767 * 0.8), 44 + i * 2);
  }
  return out;
}

function writeWavHeader(b: Buffer, dataBytes: number): void {
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + dataBytes, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(SAMPLE_RATE, 24);
  b.writeUInt32LE(SAMPLE_RATE * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(dataBytes, 40);
}
