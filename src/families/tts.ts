import type { Attributes, Context, Span } from '@opentelemetry/api';
import {
  booleanAttribute,
  callerFields,
  freezeAttributes,
  stringAttribute,
} from '../internal/attributes.js';
import type { Series } from '../sink/recorder.js';
import {
  ATTR_CONTENT_INPUT,
  ATTR_DOMAIN,
  ATTR_LANGUAGE,
  ATTR_MODEL,
  ATTR_STREAMING,
  ATTR_VOICE,
  EVENT_FIRST_AUDIO,
  METRIC_TTS_AUDIO_DURATION,
  METRIC_TTS_DURATION,
  METRIC_TTS_INPUT_SIZE,
  METRIC_TTS_NATURALNESS,
  METRIC_TTS_REAL_TIME_FACTOR,
  METRIC_TTS_TIME_TO_FIRST_AUDIO,
} from '../semconv.js';
import { codePointLength, SeriesSetCache, truncateContent, type FamilyContext } from './context.js';
import { FamilyBase } from './family.js';
import { BaseOperation, type CoreSeries, type EndWork } from './operation.js';
import { recordAudio, type AudioResult } from './audio-result.js';

/** Attributes of a speech synthesis operation. @public */
export interface TtsAttributes {
  /** Model name, e.g. `piper`. */
  model?: string;
  /** Voice name, e.g. `amy`. */
  voice?: string;
  /** Language of the speech (BCP-47). */
  language?: string;
  /** True for streaming synthesis. */
  streaming?: boolean;
  /** Application domain. */
  domain?: string;
}

/** What a finished synthesis reports. All fields are optional. @public */
export interface TtsResult extends AudioResult {
  /** Characters synthesised; defaults to the length of `text`. */
  characters?: number;
  /** The text spoken; exported only with content capture. */
  text?: string;
  /** A naturalness score (MOS, 1–5) if one is known at once. */
  naturalness?: number;
}

interface TtsSeries extends CoreSeries {
  firstAudio: Series;
  audio: Series;
  rtf: Series;
  input: Series;
  naturalness: Series;
}

const FIRST_AUDIO = 1;
const TTS_KEYS = ['model', 'voice', 'language', 'streaming', 'domain'] as const;

/** One speech synthesis request or stream. @public */
export class TtsOperation extends BaseOperation<TtsResult> {
  /** @internal */
  constructor(
    ctx: FamilyContext,
    private readonly series: TtsSeries,
    span: Span,
    private readonly language: string | undefined,
    private readonly onFirstAudio?: () => void,
    onClose?: (failed: boolean) => void,
  ) {
    super(ctx, series, span, onClose);
  }

  /** Marks the first audio chunk; records the time to it once. */
  firstAudio(): void {
    const seconds = this.markOnce(FIRST_AUDIO, this.series.firstAudio, EVENT_FIRST_AUDIO);
    if (seconds !== undefined) this.onFirstAudio?.();
  }

  /** Ends the synthesis with its result. */
  override end(result?: TtsResult): void {
    super.end(result);
  }

  /**
   * Records audio seconds, real-time factor, input characters and
   * naturalness; returns work for the pluggable TTS scorers, if any.
   * @internal
   */
  protected finish(r: TtsResult, seconds: number): EndWork | undefined {
    const s = this.series;
    recordAudio(r, seconds, s.audio, s.rtf);
    const text = typeof r.text === 'string' ? r.text : undefined;
    const characters = r.characters ?? (text === undefined ? undefined : codePointLength(text));
    if (characters !== undefined) s.input.record(characters);
    if (r.naturalness !== undefined) s.naturalness.record(r.naturalness);
    if (this.ctx.captureContent && typeof r.text === 'string') {
      const captured = truncateContent(r.text, this.ctx.contentMaxLength);
      this.span.setAttribute(ATTR_CONTENT_INPUT, captured);
    }
    return this.scoringWork(r);
  }

  /** A job for the pluggable TTS scorers (MOS predictors), when there are any. */
  private scoringWork(r: TtsResult): EndWork | undefined {
    if (!this.ctx.ttsScoring || typeof r.text !== 'string') return undefined;
    const naturalness = this.series.naturalness;
    return {
      kind: 'tts',
      hypothesis: r.text,
      references: [],
      language: this.language,
      payload: { audio: r.audio, audioFormat: r.audioFormat },
      record(scores) {
        if (scores.naturalness !== undefined) naturalness.record(scores.naturalness);
      },
    };
  }
}

/** The speech synthesis family: `telemetry.tts`. @public */
export class TtsFamily extends FamilyBase<TtsAttributes, TtsOperation> {
  private readonly sets: SeriesSetCache<TtsSeries>;

  /** @internal */
  constructor(ctx: FamilyContext) {
    super(ctx, 'tts');
    this.sets = new SeriesSetCache(ctx.cacheLimit);
  }

  /** Starts a synthesis: opens its span and fixes its attributes. */
  start(attributes?: TtsAttributes): TtsOperation {
    return this.startWithin(attributes);
  }

  /** Records a naturalness score (MOS, 1–5) computed elsewhere. */
  recordNaturalness(mos: number, attributes?: TtsAttributes): void {
    this.resolve(attributes).series.naturalness.record(mos);
  }

  /** @internal Starts an operation under a parent (a pipeline turn). */
  startWithin(
    attributes: TtsAttributes | undefined,
    parent?: Context,
    onClose?: (failed: boolean) => void,
    onFirstAudio?: () => void,
  ): TtsOperation {
    const { series, model, language } = this.resolve(attributes);
    const span = this.startSpan(model === undefined ? 'tts' : `tts ${model}`,
      series.attributes, parent);
    return new TtsOperation(this.ctx, series, span, language, onFirstAudio, onClose);
  }

  private resolve(attributes: TtsAttributes | undefined) {
    const a = callerFields(attributes, TTS_KEYS, 'TTS attributes') as TtsAttributes | undefined;
    const model = stringAttribute(a?.model, ATTR_MODEL);
    const voice = stringAttribute(a?.voice, ATTR_VOICE);
    const language = this.ctx.languages.resolve(a?.language, ATTR_LANGUAGE);
    const streaming = booleanAttribute(a?.streaming, ATTR_STREAMING);
    const domain = stringAttribute(a?.domain, ATTR_DOMAIN);
    const key = `${model}\u0001${voice}\u0001${language}\u0001${streaming}\u0001${domain}`;
    const series = this.sets.get(key, () => this.bind(freezeAttributes({
      [ATTR_MODEL]: model,
      [ATTR_VOICE]: voice,
      [ATTR_LANGUAGE]: language,
      [ATTR_STREAMING]: streaming,
      [ATTR_DOMAIN]: domain,
    })));
    return { series, model, language };
  }

  private bind(attributes: Attributes): TtsSeries {
    const r = this.ctx.recorder;
    return {
      attributes,
      failures: new Map(),
      duration: r.series(METRIC_TTS_DURATION, attributes),
      active: undefined,
      firstAudio: r.series(METRIC_TTS_TIME_TO_FIRST_AUDIO, attributes),
      audio: r.series(METRIC_TTS_AUDIO_DURATION, attributes),
      rtf: r.series(METRIC_TTS_REAL_TIME_FACTOR, attributes),
      input: r.series(METRIC_TTS_INPUT_SIZE, attributes),
      naturalness: r.series(METRIC_TTS_NATURALNESS, attributes),
    };
  }
}
