/**
 * Semantic conventions of speechmetry: every metric name, unit,
 * description, instrument kind, bucket list and attribute key exists here
 * once. The families, the threshold engine, the rule generators, the tests
 * and the README tables all read these constants.
 *
 * @packageDocumentation
 */

/** Instrument kinds used by speechmetry. @public */
export type InstrumentKind = 'histogram' | 'counter' | 'updowncounter' | 'gauge';

/**
 * Latency bucket boundaries in seconds. They include the common budgets
 * (0.2, 0.5, 0.8, 1 and 2 s) exactly, so a backend's `histogram_quantile`
 * is exact at those points.
 * @public
 */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1, 1.5, 2, 3, 5, 8, 10,
  20, 30, 60,
]);

/**
 * Bucket boundaries for 0–1 scores and ratios (WER, BLEU ÷ 100, chrF ÷ 100,
 * COMET, confidence). They include 0.3, 0.4, 0.55 and 0.7 exactly.
 * @public
 */
export const SCORE_BUCKETS: readonly number[] = Object.freeze([
  0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 1,
]);

/**
 * Bucket boundaries for real-time factors (processing time ÷ audio time);
 * 1 is the real-time line.
 * @public
 */
export const RTF_BUCKETS: readonly number[] = Object.freeze([
  0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10,
]);

/** Bucket boundaries for audio lengths in seconds. @public */
export const AUDIO_SECONDS_BUCKETS: readonly number[] = Object.freeze([
  0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600,
]);

/** Bucket boundaries for text sizes in characters. @public */
export const SIZE_BUCKETS_CHARACTERS: readonly number[] = Object.freeze([
  10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 50000,
]);

/** Bucket boundaries for 1–5 ratings (MOS, user ratings). @public */
export const RATING_BUCKETS: readonly number[] = Object.freeze([
  1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5,
]);

/** Bucket boundaries for model load durations in seconds. @public */
export const MODEL_LOAD_BUCKETS_SECONDS: readonly number[] = Object.freeze([
  0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300,
]);

/** The declaration of one metric. @public */
export interface MetricDefinition {
  /** OpenTelemetry metric name. */
  readonly name: string;
  /** Instrument kind. */
  readonly kind: InstrumentKind;
  /** UCUM unit (`s`, `1`, `{character}`, …). */
  readonly unit: string;
  /** Human-readable description exported with the metric. */
  readonly description: string;
  /** Explicit bucket boundaries (histograms only). */
  readonly buckets?: readonly number[];
  /** Smallest and largest valid value; values outside are dropped. */
  readonly range?: readonly [number, number];
}

function define(def: MetricDefinition): MetricDefinition {
  return Object.freeze(def);
}

const NON_NEGATIVE: readonly [number, number] = [0, Number.MAX_VALUE];
const UNIT_RANGE: readonly [number, number] = [0, 1];

// ASR ----------------------------------------------------------------------

/** `speech.asr.duration`: duration of speech recognition requests. @public */
export const METRIC_ASR_DURATION = define({
  name: 'speech.asr.duration',
  kind: 'histogram',
  unit: 's',
  description: 'Duration of speech recognition requests.',
  buckets: LATENCY_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/**
 * `speech.asr.time_to_first_result`: time from the start of recognition to the
 * first partial result.
 * @public
 */
export const METRIC_ASR_TIME_TO_FIRST_RESULT = define({
  name: 'speech.asr.time_to_first_result',
  kind: 'histogram',
  unit: 's',
  description: 'Time from the start of recognition to the first partial result.',
  buckets: LATENCY_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/**
 * `speech.asr.audio.duration`: length of the audio given to speech
 * recognition.
 * @public
 */
export const METRIC_ASR_AUDIO_DURATION = define({
  name: 'speech.asr.audio.duration',
  kind: 'histogram',
  unit: 's',
  description: 'Length of the audio given to speech recognition.',
  buckets: AUDIO_SECONDS_BUCKETS,
  range: NON_NEGATIVE,
});
/**
 * `speech.asr.real_time_factor`: recognition processing time divided by audio
 * length.
 * @public
 */
export const METRIC_ASR_REAL_TIME_FACTOR = define({
  name: 'speech.asr.real_time_factor',
  kind: 'histogram',
  unit: '1',
  description: 'Recognition processing time divided by audio length.',
  buckets: RTF_BUCKETS,
  range: NON_NEGATIVE,
});
/**
 * `speech.asr.word_error_rate`: word error rate against a reference
 * transcript.
 * @public
 */
export const METRIC_ASR_WORD_ERROR_RATE = define({
  name: 'speech.asr.word_error_rate',
  kind: 'histogram',
  unit: '1',
  description: 'Word error rate against a reference transcript.',
  buckets: SCORE_BUCKETS,
  range: NON_NEGATIVE,
});
/**
 * `speech.asr.character_error_rate`: character error rate against a reference
 * transcript.
 * @public
 */
export const METRIC_ASR_CHARACTER_ERROR_RATE = define({
  name: 'speech.asr.character_error_rate',
  kind: 'histogram',
  unit: '1',
  description: 'Character error rate against a reference transcript.',
  buckets: SCORE_BUCKETS,
  range: NON_NEGATIVE,
});
/**
 * `speech.asr.confidence`: confidence reported by the recognition model.
 * @public
 */
export const METRIC_ASR_CONFIDENCE = define({
  name: 'speech.asr.confidence',
  kind: 'histogram',
  unit: '1',
  description: 'Confidence reported by the recognition model.',
  buckets: SCORE_BUCKETS,
  range: UNIT_RANGE,
});
/**
 * `speech.asr.language_detections`: language detections, by outcome (correct
 * or incorrect).
 * @public
 */
export const METRIC_ASR_LANGUAGE_DETECTIONS = define({
  name: 'speech.asr.language_detections',
  kind: 'counter',
  unit: '{detection}',
  description: 'Language detections, by outcome (correct or incorrect).',
});
/** `speech.asr.active_streams`: recognition operations in progress. @public */
export const METRIC_ASR_ACTIVE_STREAMS = define({
  name: 'speech.asr.active_streams',
  kind: 'updowncounter',
  unit: '{stream}',
  description: 'Recognition operations in progress.',
});

// Translation ----------------------------------------------------------------

/**
 * `speech.translation.duration`: duration of machine translation requests.
 * @public
 */
export const METRIC_TRANSLATION_DURATION = define({
  name: 'speech.translation.duration',
  kind: 'histogram',
  unit: 's',
  description: 'Duration of machine translation requests.',
  buckets: LATENCY_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/**
 * `speech.translation.time_to_first_token`: time from the start of translation
 * to the first output token.
 * @public
 */
export const METRIC_TRANSLATION_TIME_TO_FIRST_TOKEN = define({
  name: 'speech.translation.time_to_first_token',
  kind: 'histogram',
  unit: 's',
  description: 'Time from the start of translation to the first output token.',
  buckets: LATENCY_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/**
 * `speech.translation.quality.bleu`: bLEU score of translations, divided by
 * 100.
 * @public
 */
export const METRIC_TRANSLATION_QUALITY_BLEU = define({
  name: 'speech.translation.quality.bleu',
  kind: 'histogram',
  unit: '1',
  description: 'BLEU score of translations, divided by 100.',
  buckets: SCORE_BUCKETS,
  range: UNIT_RANGE,
});
/**
 * `speech.translation.quality.chrf`: chrF score of translations, divided by
 * 100.
 * @public
 */
export const METRIC_TRANSLATION_QUALITY_CHRF = define({
  name: 'speech.translation.quality.chrf',
  kind: 'histogram',
  unit: '1',
  description: 'chrF score of translations, divided by 100.',
  buckets: SCORE_BUCKETS,
  range: UNIT_RANGE,
});
/** `speech.translation.quality.comet`: cOMET score of translations. @public */
export const METRIC_TRANSLATION_QUALITY_COMET = define({
  name: 'speech.translation.quality.comet',
  kind: 'histogram',
  unit: '1',
  description: 'COMET score of translations.',
  buckets: SCORE_BUCKETS,
  // OpenTelemetry histograms take no negative values: a negative COMET
  // score is dropped and counted (README, Known limitations).
  range: [0, 1.5],
});
/**
 * `speech.translation.input.size`: characters given to machine translation.
 * @public
 */
export const METRIC_TRANSLATION_INPUT_SIZE = define({
  name: 'speech.translation.input.size',
  kind: 'histogram',
  unit: '{character}',
  description: 'Characters given to machine translation.',
  buckets: SIZE_BUCKETS_CHARACTERS,
  range: NON_NEGATIVE,
});
/**
 * `speech.translation.output.size`: characters produced by machine
 * translation.
 * @public
 */
export const METRIC_TRANSLATION_OUTPUT_SIZE = define({
  name: 'speech.translation.output.size',
  kind: 'histogram',
  unit: '{character}',
  description: 'Characters produced by machine translation.',
  buckets: SIZE_BUCKETS_CHARACTERS,
  range: NON_NEGATIVE,
});
/**
 * `speech.translation.cache.lookups`: translation cache lookups, by result
 * (hit or miss).
 * @public
 */
export const METRIC_TRANSLATION_CACHE_LOOKUPS = define({
  name: 'speech.translation.cache.lookups',
  kind: 'counter',
  unit: '{lookup}',
  description: 'Translation cache lookups, by result (hit or miss).',
});
/** `speech.translation.active`: translation operations in progress. @public */
export const METRIC_TRANSLATION_ACTIVE = define({
  name: 'speech.translation.active',
  kind: 'updowncounter',
  unit: '{request}',
  description: 'Translation operations in progress.',
});

// TTS --------------------------------------------------------------------------

/** `speech.tts.duration`: duration of speech synthesis requests. @public */
export const METRIC_TTS_DURATION = define({
  name: 'speech.tts.duration',
  kind: 'histogram',
  unit: 's',
  description: 'Duration of speech synthesis requests.',
  buckets: LATENCY_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/**
 * `speech.tts.time_to_first_audio`: time from the start of synthesis to the
 * first audio chunk.
 * @public
 */
export const METRIC_TTS_TIME_TO_FIRST_AUDIO = define({
  name: 'speech.tts.time_to_first_audio',
  kind: 'histogram',
  unit: 's',
  description: 'Time from the start of synthesis to the first audio chunk.',
  buckets: LATENCY_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/**
 * `speech.tts.audio.duration`: length of the audio produced by speech
 * synthesis.
 * @public
 */
export const METRIC_TTS_AUDIO_DURATION = define({
  name: 'speech.tts.audio.duration',
  kind: 'histogram',
  unit: 's',
  description: 'Length of the audio produced by speech synthesis.',
  buckets: AUDIO_SECONDS_BUCKETS,
  range: NON_NEGATIVE,
});
/**
 * `speech.tts.real_time_factor`: synthesis processing time divided by audio
 * length.
 * @public
 */
export const METRIC_TTS_REAL_TIME_FACTOR = define({
  name: 'speech.tts.real_time_factor',
  kind: 'histogram',
  unit: '1',
  description: 'Synthesis processing time divided by audio length.',
  buckets: RTF_BUCKETS,
  range: NON_NEGATIVE,
});
/**
 * `speech.tts.naturalness`: naturalness of synthesised speech as a 1–5 mean
 * opinion score.
 * @public
 */
export const METRIC_TTS_NATURALNESS = define({
  name: 'speech.tts.naturalness',
  kind: 'histogram',
  unit: '{mos}',
  description: 'Naturalness of synthesised speech as a 1–5 mean opinion score.',
  buckets: RATING_BUCKETS,
  range: [1, 5],
});
/** `speech.tts.input.size`: characters given to speech synthesis. @public */
export const METRIC_TTS_INPUT_SIZE = define({
  name: 'speech.tts.input.size',
  kind: 'histogram',
  unit: '{character}',
  description: 'Characters given to speech synthesis.',
  buckets: SIZE_BUCKETS_CHARACTERS,
  range: NON_NEGATIVE,
});

// Pipeline and shared -------------------------------------------------------

/**
 * `speech.pipeline.duration`: duration of a whole speech-to-speech turn.
 * @public
 */
export const METRIC_PIPELINE_DURATION = define({
  name: 'speech.pipeline.duration',
  kind: 'histogram',
  unit: 's',
  description: 'Duration of a whole speech-to-speech turn.',
  buckets: LATENCY_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/**
 * `speech.pipeline.time_to_first_audio`: time from the start of speech input
 * to the first translated audio.
 * @public
 */
export const METRIC_PIPELINE_TIME_TO_FIRST_AUDIO = define({
  name: 'speech.pipeline.time_to_first_audio',
  kind: 'histogram',
  unit: 's',
  description: 'Time from the start of speech input to the first translated audio.',
  buckets: LATENCY_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/**
 * `speech.model.load.duration`: time taken to load a model, per task.
 * @public
 */
export const METRIC_MODEL_LOAD_DURATION = define({
  name: 'speech.model.load.duration',
  kind: 'histogram',
  unit: 's',
  description: 'Time taken to load a model, per task.',
  buckets: MODEL_LOAD_BUCKETS_SECONDS,
  range: NON_NEGATIVE,
});
/** `speech.queue.size`: requests waiting in a queue, per task. @public */
export const METRIC_QUEUE_SIZE = define({
  name: 'speech.queue.size',
  kind: 'updowncounter',
  unit: '{request}',
  description: 'Requests waiting in a queue, per task.',
});
/**
 * `speech.cost`: cost of requests in US dollars, per task and model.
 * @public
 */
export const METRIC_COST = define({
  name: 'speech.cost',
  kind: 'counter',
  unit: 'USD',
  description: 'Cost of requests in US dollars, per task and model.',
  range: NON_NEGATIVE,
});
/**
 * `speech.user.rating`: user ratings on a 1–5 scale, stored as given.
 * @public
 */
export const METRIC_USER_RATING = define({
  name: 'speech.user.rating',
  kind: 'histogram',
  unit: '1',
  description: 'User ratings on a 1–5 scale, stored as given.',
  buckets: RATING_BUCKETS,
  range: [1, 5],
});

// Self-observability ----------------------------------------------------------

/**
 * `speechmetry.threshold.breaches`: threshold rules that entered the firing
 * state, per rule and severity.
 * @public
 */
export const METRIC_THRESHOLD_BREACHES = define({
  name: 'speechmetry.threshold.breaches',
  kind: 'counter',
  unit: '{breach}',
  description: 'Threshold rules that entered the firing state, per rule and severity.',
});
/**
 * `speechmetry.threshold.state`: state of each threshold rule: 0 ok, 1
 * pending, 2 firing.
 * @public
 */
export const METRIC_THRESHOLD_STATE = define({
  name: 'speechmetry.threshold.state',
  kind: 'gauge',
  unit: '1',
  description: 'State of each threshold rule: 0 ok, 1 pending, 2 firing.',
});
/** `speechmetry.dropped`: values speechmetry dropped, by reason. @public */
export const METRIC_DROPPED = define({
  name: 'speechmetry.dropped',
  kind: 'counter',
  unit: '{record}',
  description: 'Values speechmetry dropped, by reason.',
});

/**
 * Every metric speechmetry declares, in README order.
 * @public
 */
export const METRICS: readonly MetricDefinition[] = Object.freeze([
  METRIC_ASR_DURATION,
  METRIC_ASR_TIME_TO_FIRST_RESULT,
  METRIC_ASR_AUDIO_DURATION,
  METRIC_ASR_REAL_TIME_FACTOR,
  METRIC_ASR_WORD_ERROR_RATE,
  METRIC_ASR_CHARACTER_ERROR_RATE,
  METRIC_ASR_CONFIDENCE,
  METRIC_ASR_LANGUAGE_DETECTIONS,
  METRIC_ASR_ACTIVE_STREAMS,
  METRIC_TRANSLATION_DURATION,
  METRIC_TRANSLATION_TIME_TO_FIRST_TOKEN,
  METRIC_TRANSLATION_QUALITY_BLEU,
  METRIC_TRANSLATION_QUALITY_CHRF,
  METRIC_TRANSLATION_QUALITY_COMET,
  METRIC_TRANSLATION_INPUT_SIZE,
  METRIC_TRANSLATION_OUTPUT_SIZE,
  METRIC_TRANSLATION_CACHE_LOOKUPS,
  METRIC_TRANSLATION_ACTIVE,
  METRIC_TTS_DURATION,
  METRIC_TTS_TIME_TO_FIRST_AUDIO,
  METRIC_TTS_AUDIO_DURATION,
  METRIC_TTS_REAL_TIME_FACTOR,
  METRIC_TTS_NATURALNESS,
  METRIC_TTS_INPUT_SIZE,
  METRIC_PIPELINE_DURATION,
  METRIC_PIPELINE_TIME_TO_FIRST_AUDIO,
  METRIC_MODEL_LOAD_DURATION,
  METRIC_QUEUE_SIZE,
  METRIC_COST,
  METRIC_USER_RATING,
  METRIC_THRESHOLD_BREACHES,
  METRIC_THRESHOLD_STATE,
  METRIC_DROPPED,
]);

/** Looks up a metric definition by name. @public */
export function metricByName(name: string): MetricDefinition | undefined {
  return METRICS.find((m) => m.name === name);
}

// Attributes -----------------------------------------------------------------

/** Model name, on every family. @public */
export const ATTR_MODEL = 'speech.model';
/** Language of ASR input and TTS output, a BCP-47 tag. @public */
export const ATTR_LANGUAGE = 'speech.language';
/** Source language of a translation or turn, a BCP-47 tag. @public */
export const ATTR_SOURCE_LANGUAGE = 'speech.source_language';
/** Target language of a translation or turn, a BCP-47 tag. @public */
export const ATTR_TARGET_LANGUAGE = 'speech.target_language';
/** Application domain (`medical`, `legal`, …). @public */
export const ATTR_DOMAIN = 'speech.domain';
/** TTS voice name. @public */
export const ATTR_VOICE = 'speech.voice';
/** True for streaming operations. @public */
export const ATTR_STREAMING = 'speech.streaming';
/**
 * Task of the shared records: `asr`, `translation`, `tts`, `pipeline`.
 * @public
 */
export const ATTR_TASK = 'speech.task';
/** Type of a failure: the error code or name, else `_OTHER`. @public */
export const ATTR_ERROR_TYPE = 'error.type';
/** Outcome of a language detection: `correct` or `incorrect`. @public */
export const ATTR_DETECTION_OUTCOME = 'speech.detection.outcome';
/** Result of a cache lookup: `hit` or `miss`. @public */
export const ATTR_CACHE_RESULT = 'speech.cache.result';
/** Name of a threshold rule (self-metrics only). @public */
export const ATTR_RULE = 'speechmetry.rule';
/** Severity of a threshold rule (self-metrics only). @public */
export const ATTR_SEVERITY = 'speechmetry.severity';
/** Why a value was dropped (self-metrics only). @public */
export const ATTR_DROP_REASON = 'speechmetry.drop.reason';

/** Span-only: the correlation ID of the request. @public */
export const ATTR_CORRELATION_ID = 'speech.correlation_id';
/** Span-only, content capture: the transcript (truncated). @public */
export const ATTR_CONTENT_TRANSCRIPT = 'speech.content.transcript';
/** Span-only, content capture: the reference text (truncated). @public */
export const ATTR_CONTENT_REFERENCE = 'speech.content.reference';
/** Span-only, content capture: the translation input (truncated). @public */
export const ATTR_CONTENT_INPUT = 'speech.content.input';
/** Span-only, content capture: the translation output (truncated). @public */
export const ATTR_CONTENT_OUTPUT = 'speech.content.output';
/** Span-only: the detected language. @public */
export const ATTR_DETECTED_LANGUAGE = 'speech.detected_language';

/** The value a language outside the allowlist is replaced by. @public */
export const OTHER_VALUE = 'other';

/**
 * The closed set of attribute keys that may reach a metric from the
 * caller. Anything else a caller passes is ignored.
 * @public
 */
export const METRIC_ATTRIBUTE_KEYS: readonly string[] = Object.freeze([
  ATTR_MODEL,
  ATTR_LANGUAGE,
  ATTR_SOURCE_LANGUAGE,
  ATTR_TARGET_LANGUAGE,
  ATTR_DOMAIN,
  ATTR_VOICE,
  ATTR_STREAMING,
  ATTR_TASK,
  ATTR_ERROR_TYPE,
  ATTR_DETECTION_OUTCOME,
  ATTR_CACHE_RESULT,
]);

/** Span event of the first partial recognition result. @public */
export const EVENT_FIRST_RESULT = 'speech.first_result';
/** Span event of the first translated token. @public */
export const EVENT_FIRST_TOKEN = 'speech.first_token';
/** Span event of the first synthesised audio. @public */
export const EVENT_FIRST_AUDIO = 'speech.first_audio';
/**
 * Quality scores on a span, following the GenAI evaluation-event idea.
 * @public
 */
export const EVENT_EVALUATION = 'speech.evaluation';

/** Instrumentation scope name of everything speechmetry emits. @public */
export const SCOPE_NAME = 'speechmetry';
