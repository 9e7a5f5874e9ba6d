import type { Attributes, Context, Span } from '@opentelemetry/api';
import {
  booleanAttribute,
  callerFields,
  freezeAttributes,
  stringAttribute,
} from '../internal/attributes.js';
import type { Series } from '../sink/recorder.js';
import {
  ATTR_CACHE_RESULT,
  ATTR_CONTENT_INPUT,
  ATTR_CONTENT_OUTPUT,
  ATTR_DOMAIN,
  ATTR_MODEL,
  ATTR_SOURCE_LANGUAGE,
  ATTR_STREAMING,
  ATTR_TARGET_LANGUAGE,
  EVENT_FIRST_TOKEN,
  METRIC_TRANSLATION_ACTIVE,
  METRIC_TRANSLATION_CACHE_LOOKUPS,
  METRIC_TRANSLATION_DURATION,
  METRIC_TRANSLATION_INPUT_SIZE,
  METRIC_TRANSLATION_OUTPUT_SIZE,
  METRIC_TRANSLATION_QUALITY_BLEU,
  METRIC_TRANSLATION_QUALITY_CHRF,
  METRIC_TRANSLATION_QUALITY_COMET,
  METRIC_TRANSLATION_TIME_TO_FIRST_TOKEN,
} from '../semconv.js';
import {
  codePointLength,
  SeriesSetCache,
  seriesWith,
  truncateContent,
  type FamilyContext,
} from './context.js';
import { FamilyBase } from './family.js';
import { BaseOperation, type CoreSeries, type EndWork } from './operation.js';

/** Attributes of a machine translation operation. @public */
export interface TranslationAttributes {
  /** Model name, e.g. `nllb-600m`. */
  model?: string;
  /** Source language (BCP-47). */
  sourceLanguage?: string;
  /** Target language (BCP-47). */
  targetLanguage?: string;
  /** True for streaming translation. */
  streaming?: boolean;
  /** Application domain. */
  domain?: string;
}

/** What a finished translation reports. All fields are optional. @public */
export interface TranslationResult {
  /** Characters given to the model; defaults to the length of `input`. */
  inputCharacters?: number;
  /** Characters produced; defaults to the length of `output`. */
  outputCharacters?: number;
  /** The source text; exported only with content capture. */
  input?: string;
  /** The translation; scored against `references`. */
  output?: string;
  /** Reference translations; enable in-process BLEU and chrF. */
  references?: string[];
  /** Whether the translation came from a cache. */
  cacheHit?: boolean;
}

/** Quality scores computed elsewhere. BLEU and chrF on sacreBLEU's 0–100 scale. @public */
export interface TranslationQuality {
  /** BLEU, 0–100 (recorded ÷ 100). */
  bleu?: number;
  /** chrF, 0–100 (recorded ÷ 100). */
  chrf?: number;
  /** COMET, as the model gives it (about 0–1). */
  comet?: number;
}

interface TranslationSeries extends CoreSeries {
  firstToken: Series;
  input: Series;
  output: Series;
  bleu: Series;
  chrf: Series;
  comet: Series;
  hit: Series;
  miss: Series;
}

const FIRST_TOKEN = 1;
const MT_KEYS = [
  'model', 'sourceLanguage', 'targetLanguage', 'streaming', 'domain',
] as const;

/** One machine translation request. @public */
export class TranslationOperation extends BaseOperation<TranslationResult> {
  /** @internal */
  constructor(
    ctx: FamilyContext,
    private readonly series: TranslationSeries,
    span: Span,
    private readonly target: string | undefined,
    onClose?: (failed: boolean) => void,
  ) {
    super(ctx, series, span, onClose);
  }

  /** Marks the first output token of a streaming translation, once. */
  firstToken(): void {
    this.markOnce(FIRST_TOKEN, this.series.firstToken, EVENT_FIRST_TOKEN);
  }

  /** Ends the translation with its result. */
  override end(result?: TranslationResult): void {
    super.end(result);
  }

  /**
   * Records input/output characters and cache hits, captures content
   * when enabled; returns BLEU/chrF scoring work when references exist.
   * @internal
   */
  protected finish(r: TranslationResult, _seconds: number): EndWork | undefined {
    const s = this.series;
    const input = r.inputCharacters ?? lengthOf(r.input);
    const output = r.outputCharacters ?? lengthOf(r.output);
    if (input !== undefined) s.input.record(input);
    if (output !== undefined) s.output.record(output);
    if (r.cacheHit !== undefined) (r.cacheHit === true ? s.hit : s.miss).record(1);
    this.capture(r);
    return this.scoringWork(r);
  }

  private capture(r: TranslationResult): void {
    if (!this.ctx.captureContent) return;
    const max = this.ctx.contentMaxLength;
    if (typeof r.input === 'string') {
      this.span.setAttribute(ATTR_CONTENT_INPUT, truncateContent(r.input, max));
    }
    if (typeof r.output === 'string') {
      this.span.setAttribute(ATTR_CONTENT_OUTPUT, truncateContent(r.output, max));
    }
  }

  private scoringWork(r: TranslationResult): EndWork | undefined {
    const { output, references } = r;
    if (typeof output !== 'string' || !Array.isArray(references)) return undefined;
    const refs = references.filter((x): x is string => typeof x === 'string');
    if (refs.length === 0) return undefined;
    const s = this.series;
    return {
      kind: 'translation',
      hypothesis: output,
      references: refs,
      source: typeof r.input === 'string' ? r.input : undefined,
      language: this.target,
      record: (scores) => recordQuality(s, scores),
    };
  }
}

function lengthOf(text: unknown): number | undefined {
  return typeof text === 'string' ? codePointLength(text) : undefined;
}

function recordQuality(s: TranslationSeries, q: TranslationQuality): void {
  if (q.bleu !== undefined) s.bleu.record(hundredths(q.bleu));
  if (q.chrf !== undefined) s.chrf.record(hundredths(q.chrf));
  if (q.comet !== undefined) s.comet.record(q.comet);
}

// Only numbers are divided: arithmetic on a caller's object or bigint
// throws; anything else goes to the series as is, which counts it.
// sacreBLEU itself returns 100.00000000000004 for a perfect sentence
// (floating-point exp/log): an overshoot within rounding is a perfect
// score, not an invalid one.
function hundredths(score: number): number {
  if (typeof score !== 'number') return score;
  const unit = score / 100;
  return unit > 1 && unit <= 1 + 1e-9 ? 1 : unit;
}

/** The machine translation family: `telemetry.translation`. @public */
export class TranslationFamily extends FamilyBase<TranslationAttributes, TranslationOperation> {
  private readonly sets: SeriesSetCache<TranslationSeries>;

  /** @internal */
  constructor(ctx: FamilyContext) {
    super(ctx, 'translation');
    this.sets = new SeriesSetCache(ctx.cacheLimit);
  }

  /** Starts a translation: opens its span and fixes its attributes. */
  start(attributes?: TranslationAttributes): TranslationOperation {
    return this.startWithin(attributes);
  }

  /** Records quality scores computed elsewhere (offline COMET, say). */
  recordQuality(quality: TranslationQuality, attributes?: TranslationAttributes): void {
    const q = callerFields(quality, ['bleu', 'chrf', 'comet'], 'translation quality');
    if (q === undefined) return;
    recordQuality(this.resolve(attributes).series, q as TranslationQuality);
  }

  /** @internal Starts an operation under a parent (a pipeline turn). */
  startWithin(
    attributes: TranslationAttributes | undefined,
    parent?: Context,
    onClose?: (failed: boolean) => void,
  ): TranslationOperation {
    const { series, model, target } = this.resolve(attributes);
    const name = model === undefined ? 'translation' : `translation ${model}`;
    const span = this.startSpan(name, series.attributes, parent);
    return new TranslationOperation(this.ctx, series, span, target, onClose);
  }

  private resolve(attributes: TranslationAttributes | undefined) {
    const a = callerFields(attributes, MT_KEYS, 'translation attributes') as
      TranslationAttributes | undefined;
    const languages = this.ctx.languages;
    const model = stringAttribute(a?.model, ATTR_MODEL);
    const source = languages.resolve(a?.sourceLanguage, ATTR_SOURCE_LANGUAGE);
    const target = languages.resolve(a?.targetLanguage, ATTR_TARGET_LANGUAGE);
    const streaming = booleanAttribute(a?.streaming, ATTR_STREAMING);
    const domain = stringAttribute(a?.domain, ATTR_DOMAIN);
    const key = `${model}\u0001${source}\u0001${target}\u0001${streaming}\u0001${domain}`;
    const series = this.sets.get(key, () => this.bind(freezeAttributes({
      [ATTR_MODEL]: model,
      [ATTR_SOURCE_LANGUAGE]: source,
      [ATTR_TARGET_LANGUAGE]: target,
      [ATTR_STREAMING]: streaming,
      [ATTR_DOMAIN]: domain,
    })));
    return { series, model, target };
  }

  private bind(attributes: Attributes): TranslationSeries {
    const r = this.ctx.recorder;
    return {
      attributes,
      failures: new Map(),
      duration: r.series(METRIC_TRANSLATION_DURATION, attributes),
      active: r.series(METRIC_TRANSLATION_ACTIVE, attributes),
      firstToken: r.series(METRIC_TRANSLATION_TIME_TO_FIRST_TOKEN, attributes),
      input: r.series(METRIC_TRANSLATION_INPUT_SIZE, attributes),
      output: r.series(METRIC_TRANSLATION_OUTPUT_SIZE, attributes),
      bleu: r.series(METRIC_TRANSLATION_QUALITY_BLEU, attributes),
      chrf: r.series(METRIC_TRANSLATION_QUALITY_CHRF, attributes),
      comet: r.series(METRIC_TRANSLATION_QUALITY_COMET, attributes),
      hit: seriesWith(r, METRIC_TRANSLATION_CACHE_LOOKUPS, attributes, ATTR_CACHE_RESULT, 'hit'),
      miss: seriesWith(r, METRIC_TRANSLATION_CACHE_LOOKUPS, attributes, ATTR_CACHE_RESULT, 'miss'),
    };
  }
}
