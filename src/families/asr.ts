import type { Attributes, Context, Span } from '@opentelemetry/api';
import {
  booleanAttribute,
  callerFields,
  freezeAttributes,
  stringAttribute,
} from '../internal/attributes.js';
import type { Series } from '../sink/recorder.js';
import {
  ATTR_CONTENT_REFERENCE,
  ATTR_CONTENT_TRANSCRIPT,
  ATTR_DETECTED_LANGUAGE,
  ATTR_DETECTION_OUTCOME,
  ATTR_DOMAIN,
  ATTR_LANGUAGE,
  ATTR_MODEL,
  ATTR_STREAMING,
  EVENT_FIRST_RESULT,
  METRIC_ASR_ACTIVE_STREAMS,
  METRIC_ASR_AUDIO_DURATION,
  METRIC_ASR_CHARACTER_ERROR_RATE,
  METRIC_ASR_CONFIDENCE,
  METRIC_ASR_DURATION,
  METRIC_ASR_LANGUAGE_DETECTIONS,
  METRIC_ASR_REAL_TIME_FACTOR,
  METRIC_ASR_TIME_TO_FIRST_RESULT,
  METRIC_ASR_WORD_ERROR_RATE,
} from '../semconv.js';
import { SeriesSetCache, seriesWith, truncateContent, type FamilyContext } from './context.js';
import { FamilyBase } from './family.js';
import { BaseOperation, type CoreSeries, type EndWork } from './operation.js';
import { recordAudio, type AudioResult } from './audio-result.js';

/** Attributes of a speech recognition operation. @public */
export interface AsrAttributes {
  /** Model name, e.g. `whisper-small`. */
  model?: string;
  /** Expected language (BCP-47), e.g. `en-US`. */
  language?: string;
  /** True for streaming recognition. */
  streaming?: boolean;
  /** Application domain, e.g. `medical`. */
  domain?: string;
}

/** What a finished recognition reports. All fields are optional. @public */
export interface AsrResult extends AudioResult {
  /** Model confidence, 0–1. */
  confidence?: number;
  /** Language the model detected; compared with the expected one. */
  detectedLanguage?: string;
  /** The transcript; scored against `reference`, exported only with content capture. */
  transcript?: string;
  /** A reference transcript; enables in-process WER and CER. */
  reference?: string;
}

interface AsrSeries extends CoreSeries {
  firstResult: Series;
  audio: Series;
  rtf: Series;
  wer: Series;
  cer: Series;
  confidence: Series;
  correct: Series;
  incorrect: Series;
}

const FIRST_RESULT = 1;
const ASR_KEYS = ['model', 'language', 'streaming', 'domain'] as const;

/** One speech recognition request or stream. @public */
export class AsrOperation extends BaseOperation<AsrResult> {
  /** @internal */
  constructor(
    ctx: FamilyContext,
    private readonly series: AsrSeries,
    span: Span,
    private readonly language: string | undefined,
    onClose?: (failed: boolean) => void,
  ) {
    super(ctx, series, span, onClose);
  }

  /** Marks the first partial result; records the time to it once. */
  firstResult(): void {
    this.markOnce(FIRST_RESULT, this.series.firstResult, EVENT_FIRST_RESULT);
  }

  /** Ends the recognition with its result. */
  override end(result?: AsrResult): void {
    super.end(result);
  }

  /**
   * Records audio seconds, real-time factor, confidence and language
   * detection; returns WER/CER scoring work when a reference was given.
   * @internal
   */
  protected finish(r: AsrResult, seconds: number): EndWork | undefined {
    const s = this.series;
    recordAudio(r, seconds, s.audio, s.rtf);
    if (r.confidence !== undefined) s.confidence.record(r.confidence);
    this.recordDetection(r.detectedLanguage);
    return this.scoringWork(r);
  }

  private recordDetection(detected: unknown): void {
    if (detected === undefined) return;
    const tag = this.ctx.languages.resolve(detected, ATTR_DETECTED_LANGUAGE);
    if (tag === undefined) return;
    this.span.setAttribute(ATTR_DETECTED_LANGUAGE, tag);
    if (this.language === undefined) return;
    const same = primary(tag) === primary(this.language);
    (same ? this.series.correct : this.series.incorrect).record(1);
  }

  private scoringWork(r: AsrResult): EndWork | undefined {
    const { transcript, reference } = r;
    if (this.ctx.captureContent) {
      const max = this.ctx.contentMaxLength;
      if (typeof transcript === 'string') {
        this.span.setAttribute(ATTR_CONTENT_TRANSCRIPT, truncateContent(transcript, max));
      }
      if (typeof reference === 'string') {
        this.span.setAttribute(ATTR_CONTENT_REFERENCE, truncateContent(reference, max));
      }
    }
    if (typeof transcript !== 'string' || typeof reference !== 'string') return undefined;
    const s = this.series;
    return {
      kind: 'asr',
      hypothesis: transcript,
      references: [reference],
      language: this.language,
      record(scores) {
        if (scores.wer !== undefined) s.wer.record(scores.wer);
        if (scores.cer !== undefined) s.cer.record(scores.cer);
      },
    };
  }
}

function primary(tag: string): string {
  const dash = tag.indexOf('-');
  return dash < 0 ? tag : tag.slice(0, dash);
}

/** The speech recognition family: `telemetry.asr`. @public */
export class AsrFamily extends FamilyBase<AsrAttributes, AsrOperation> {
  private readonly sets: SeriesSetCache<AsrSeries>;

  /** @internal */
  constructor(ctx: FamilyContext) {
    super(ctx, 'asr');
    this.sets = new SeriesSetCache(ctx.cacheLimit);
  }

  /** Starts a recognition: opens its span and fixes its attributes. */
  start(attributes?: AsrAttributes): AsrOperation {
    return this.startWithin(attributes);
  }

  /**
   * Records error rates computed elsewhere (an offline evaluation), 0–1.
   */
  recordErrorRates(rates: { wer?: number; cer?: number }, attributes?: AsrAttributes): void {
    const r = callerFields(rates, ['wer', 'cer'], 'error rates') as typeof rates | undefined;
    const set = this.resolve(attributes).series;
    if (r?.wer !== undefined) set.wer.record(r.wer);
    if (r?.cer !== undefined) set.cer.record(r.cer);
  }

  /** @internal Starts an operation under a parent (a pipeline turn). */
  startWithin(
    attributes: AsrAttributes | undefined,
    parent?: Context,
    onClose?: (failed: boolean) => void,
  ): AsrOperation {
    const { series, language, model } = this.resolve(attributes);
    const span = this.startSpan(model === undefined ? 'asr' : `asr ${model}`,
      series.attributes, parent);
    return new AsrOperation(this.ctx, series, span, language, onClose);
  }

  private resolve(attributes: AsrAttributes | undefined) {
    const a = callerFields(attributes, ASR_KEYS, 'ASR attributes') as AsrAttributes | undefined;
    const model = stringAttribute(a?.model, ATTR_MODEL);
    const language = this.ctx.languages.resolve(a?.language, ATTR_LANGUAGE);
    const streaming = booleanAttribute(a?.streaming, ATTR_STREAMING);
    const domain = stringAttribute(a?.domain, ATTR_DOMAIN);
    const key = `${model}\u0001${language}\u0001${streaming}\u0001${domain}`;
    const series = this.sets.get(key, () => this.bind(freezeAttributes({
      [ATTR_MODEL]: model,
      [ATTR_LANGUAGE]: language,
      [ATTR_STREAMING]: streaming,
      [ATTR_DOMAIN]: domain,
    })));
    return { series, language, model };
  }

  private bind(attributes: Attributes): AsrSeries {
    const r = this.ctx.recorder;
    return {
      attributes,
      failures: new Map(),
      duration: r.series(METRIC_ASR_DURATION, attributes),
      active: r.series(METRIC_ASR_ACTIVE_STREAMS, attributes),
      firstResult: r.series(METRIC_ASR_TIME_TO_FIRST_RESULT, attributes),
      audio: r.series(METRIC_ASR_AUDIO_DURATION, attributes),
      rtf: r.series(METRIC_ASR_REAL_TIME_FACTOR, attributes),
      wer: r.series(METRIC_ASR_WORD_ERROR_RATE, attributes),
      cer: r.series(METRIC_ASR_CHARACTER_ERROR_RATE, attributes),
      confidence: r.series(METRIC_ASR_CONFIDENCE, attributes),
      correct: seriesWith(r, METRIC_ASR_LANGUAGE_DETECTIONS, attributes,
        ATTR_DETECTION_OUTCOME, 'correct'),
      incorrect: seriesWith(r, METRIC_ASR_LANGUAGE_DETECTIONS, attributes,
        ATTR_DETECTION_OUTCOME, 'incorrect'),
    };
  }
}
