/**
 * The demo's speech-translation service: one speech-to-speech turn is
 * recognition → translation → synthesis, measured with speechmetry's
 * public API exactly as a real service would be. Recognition and
 * translation are simulated (their outputs come from the corpus, their
 * latencies from lognormal models); synthesis is real when espeak-ng is
 * installed.
 */
import type { PipelineTurn, SpeechTelemetry } from '../index.js';
import { sentenceBleu, sentenceChrf, wer } from '../quality/index.js';
import { normaliseTranscript, type DemoLanguage, type SentencePair } from './corpus.js';
import { lognormal, sleep } from './random.js';
import type { SpeechEngine } from './speech-engine.js';

/** Model names the demo reports. */
export const DEMO_MODELS = {
  asr: 'whisper-small',
  translation: 'nllb-600m',
  tts: 'espeak-ng',
} as const;

/** Knobs of the simulated stages. */
export interface ServiceConditions {
  /** Multiplies translation latency for these target languages (the spike). */
  translationSlowdown: Partial<Record<DemoLanguage, number>>;
  /** Share of requests each stage fails, 0–1. Default 0.01. */
  failureRate: number;
}

/** The service the load generator calls. */
export class DemoService {
  constructor(
    private readonly telemetry: SpeechTelemetry,
    private readonly engine: SpeechEngine,
    private readonly random: () => number,
    readonly conditions: ServiceConditions,
  ) {}

  /**
   * Runs one turn; resolves true when it succeeded. Failures are recorded
   * by the operations and never thrown to the caller.
   */
  async turn(pair: SentencePair, target: DemoLanguage): Promise<boolean> {
    const turn = this.telemetry.pipeline.start({ sourceLanguage: 'en', targetLanguage: target });
    try {
      const transcript = await this.recognise(turn, pair);
      const translation = await this.translate(turn, pair, target, transcript);
      await this.synthesize(turn, translation, target);
      turn.end();
      return true;
    } catch (error) {
      turn.fail(error);
      return false;
    }
  }

  private async recognise(
    turn: PipelineTurn,
    pair: SentencePair,
  ): Promise<string> {
    const op = turn.asr({ model: DEMO_MODELS.asr, streaming: true });
    const words = pair.en.split(' ').length;
    const audioSeconds = (words / 2.6) * lognormal(this.random, 1, 0.15);
    const total = audioSeconds * lognormal(this.random, 0.22, 0.3);
    const first = Math.min(total, lognormal(this.random, 0.12, 0.3));
    await sleep(first * 1000);
    op.firstResult();
    await sleep((total - first) * 1000);
    if (this.fails()) {
      op.fail(new StageError('asr_timeout'));
      throw new StageError('asr_timeout');
    }
    const errorRate = wer(normaliseTranscript(pair.en), pair.asr);
    op.end({ audioSeconds, confidence: confidence(errorRate, this.random) });
    this.telemetry.asr.recordErrorRates(
      { wer: errorRate },
      { model: DEMO_MODELS.asr, language: 'en', streaming: true },
    );
    return pair.asr;
  }

  private async translate(
    turn: PipelineTurn,
    pair: SentencePair,
    target: DemoLanguage,
    input: string,
  ): Promise<string> {
    const op = turn.translation({ model: DEMO_MODELS.translation });
    const slowdown = this.conditions.translationSlowdown[target] ?? 1;
    const median = (0.09 + input.length * 0.0015) * slowdown;
    const total = lognormal(this.random, median, 0.35);
    await sleep(total * 300);
    op.firstToken();
    await sleep(total * 700);
    if (this.fails()) {
      op.fail(new StageError('mt_overloaded'));
      throw new StageError('mt_overloaded');
    }
    const output = pair.mt[target];
    op.end({ inputCharacters: input.length, outputCharacters: output.length });
    const attributes = {
      model: DEMO_MODELS.translation,
      sourceLanguage: 'en',
      targetLanguage: target,
    };
    this.telemetry.translation.recordQuality(
      {
        // sacreBLEU's 0–100 scale; the family records them ÷ 100.
        bleu: sentenceBleu(output, [pair.ref[target]]).score,
        chrf: sentenceChrf(output, [pair.ref[target]]).score,
      },
      attributes,
    );
    return output;
  }

  private async synthesize(
    turn: PipelineTurn,
    text: string,
    language: DemoLanguage,
  ): Promise<void> {
    const op = turn.tts({ model: this.engine.name, voice: 'default', streaming: true });
    try {
      const firstAudio = (): void => op.firstAudio();
      const { wav } = await this.engine.synthesize(text, language, firstAudio);
      const unavailable = this.random() < this.conditions.failureRate / 2;
      if (unavailable) throw new StageError('tts_voice_unavailable');
      op.end({ audio: wav, characters: text.length });
    } catch (error) {
      op.fail(error);
      throw error;
    }
  }

  private fails(): boolean {
    return this.random() < this.conditions.failureRate;
  }
}

/** A simulated stage failure; its name becomes `error.type`. */
export class StageError extends Error {
  constructor(code: string) {
    super(code);
    this.name = code;
  }
}

// Recognisers report lower confidence when they are wrong more often.
function confidence(errorRate: number, random: () => number): number {
  const c = 0.97 - errorRate * 0.6 + (random() - 0.5) * 0.06;
  return Math.min(0.99, Math.max(0.3, c));
}
