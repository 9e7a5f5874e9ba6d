import { context, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { callerFields, freezeAttributes, stringAttribute } from '../internal/attributes.js';
import type { Series } from '../sink/recorder.js';
import {
  ATTR_DOMAIN,
  ATTR_SOURCE_LANGUAGE,
  ATTR_TARGET_LANGUAGE,
  METRIC_PIPELINE_DURATION,
  METRIC_PIPELINE_TIME_TO_FIRST_AUDIO,
} from '../semconv.js';
import type { AsrAttributes, AsrFamily, AsrOperation } from './asr.js';
import { SeriesSetCache, type FamilyContext } from './context.js';
import { FamilyBase } from './family.js';
import { BaseOperation, type CoreSeries, type EndWork } from './operation.js';
import type {
  TranslationAttributes,
  TranslationFamily,
  TranslationOperation,
} from './translation.js';
import type { TtsAttributes, TtsFamily, TtsOperation } from './tts.js';

/** Attributes of a speech-to-speech turn. @public */
export interface PipelineAttributes {
  /** Language spoken in (BCP-47). */
  sourceLanguage?: string;
  /** Language spoken out (BCP-47). */
  targetLanguage?: string;
  /** Application domain. */
  domain?: string;
}

interface PipelineSeries extends CoreSeries {
  firstAudio: Series;
}

const TURN_KEYS = ['sourceLanguage', 'targetLanguage', 'domain'] as const;
const STAGE_KEYS = ['model', 'voice', 'streaming', 'domain'] as const;

/** A stage's attributes, read once; the stage family validates them. */
function stage(attributes: object | undefined): Record<string, unknown> | undefined {
  return callerFields(attributes, STAGE_KEYS, 'pipeline stage attributes');
}

/** The stage families a turn starts its children from. */
interface Stages {
  asr: AsrFamily;
  translation: TranslationFamily;
  tts: TtsFamily;
}

/**
 * One speech-to-speech turn. Its stages are child operations: their spans
 * are children of the turn's span, and they inherit its language pair.
 * The turn records its whole duration and the time from its start to the
 * first translated audio.
 * @public
 */
export class PipelineTurn extends BaseOperation<Record<string, never>> {
  private readonly parent: Context;
  private sawAudio = false;

  /** @internal */
  constructor(
    ctx: FamilyContext,
    private readonly series: PipelineSeries,
    span: Span,
    parent: Context,
    private readonly stages: Stages,
    private readonly languages: { source?: string; target?: string; domain?: string },
  ) {
    super(ctx, series, span);
    this.parent = trace.setSpan(parent, span);
  }

  /** Starts the recognition stage, in the turn's source language. */
  asr(attributes?: Omit<AsrAttributes, 'language'>): AsrOperation {
    return this.stages.asr.startWithin(
      { domain: this.languages.domain, ...stage(attributes), language: this.languages.source },
      this.parent,
    );
  }

  /** Starts the translation stage, with the turn's language pair. */
  translation(
    attributes?: Omit<TranslationAttributes, 'sourceLanguage' | 'targetLanguage'>,
  ): TranslationOperation {
    return this.stages.translation.startWithin({
      domain: this.languages.domain,
      ...stage(attributes),
      sourceLanguage: this.languages.source,
      targetLanguage: this.languages.target,
    }, this.parent);
  }

  /** Starts the synthesis stage, in the turn's target language. */
  tts(attributes?: Omit<TtsAttributes, 'language'>): TtsOperation {
    return this.stages.tts.startWithin(
      { domain: this.languages.domain, ...stage(attributes), language: this.languages.target },
      this.parent,
      undefined,
      () => this.onFirstAudio(),
    );
  }

  /** Ends the turn. */
  override end(): void {
    super.end();
  }

  /**
   * Nothing beyond the base's end-to-end duration: the stages record
   * their own numbers.
   * @internal
   */
  protected finish(): EndWork | undefined {
    return undefined;
  }

  private onFirstAudio(): void {
    if (this.sawAudio || this.ended) return;
    this.sawAudio = true;
    this.series.firstAudio.record(this.elapsed());
  }
}

/** The speech-to-speech family: `telemetry.pipeline`. @public */
export class PipelineFamily extends FamilyBase<PipelineAttributes, PipelineTurn> {
  private readonly sets: SeriesSetCache<PipelineSeries>;

  /** @internal */
  constructor(ctx: FamilyContext, private readonly stages: Stages) {
    super(ctx, 'pipeline');
    this.sets = new SeriesSetCache(ctx.cacheLimit);
  }

  /** Opens a speech-to-speech turn. */
  start(given?: PipelineAttributes): PipelineTurn {
    const attributes = callerFields(given, TURN_KEYS, 'pipeline attributes') as
      PipelineAttributes | undefined;
    const languages = this.ctx.languages;
    const source = languages.resolve(attributes?.sourceLanguage, ATTR_SOURCE_LANGUAGE);
    const target = languages.resolve(attributes?.targetLanguage, ATTR_TARGET_LANGUAGE);
    const domain = stringAttribute(attributes?.domain, ATTR_DOMAIN);
    const key = `${source}\u0001${target}\u0001${domain}`;
    const series = this.sets.get(key, () => this.bind(freezeAttributes({
      [ATTR_SOURCE_LANGUAGE]: source,
      [ATTR_TARGET_LANGUAGE]: target,
      [ATTR_DOMAIN]: domain,
    })));
    const parent = context.active();
    const span = this.startSpan('pipeline', series.attributes, parent);
    // Stage attributes are given raw; the stage families normalise them.
    const raw = {
      source: attributes?.sourceLanguage,
      target: attributes?.targetLanguage,
      domain: attributes?.domain,
    };
    return new PipelineTurn(this.ctx, series, span, parent, this.stages, raw);
  }

  private bind(attributes: Attributes): PipelineSeries {
    const r = this.ctx.recorder;
    return {
      attributes,
      failures: new Map(),
      duration: r.series(METRIC_PIPELINE_DURATION, attributes),
      active: undefined,
      firstAudio: r.series(METRIC_PIPELINE_TIME_TO_FIRST_AUDIO, attributes),
    };
  }
}
