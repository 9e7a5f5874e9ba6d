/**
 * speechmetry: OpenTelemetry instrument families, correlation IDs,
 * threshold checks and exact quality scorers for speech-translation
 * services.
 *
 * @example
 * ```ts
 * import { startTelemetry } from 'speechmetry';
 * const telemetry = startTelemetry();
 * const op = telemetry.asr.start({ model: 'whisper-small', language: 'en' });
 * op.end({ audioSeconds: 12.4, confidence: 0.91 });
 * await telemetry.shutdown();
 * ```
 *
 * @packageDocumentation
 */

export * from './semconv.js';
export { VERSION } from './version.js';

export { startTelemetry } from './setup/start.js';
export { createTelemetry, type CreateTelemetryOptions } from './setup/create.js';
export { SpeechTelemetry, type TelemetryStatus } from './telemetry.js';
export {
  SpeechmetryConfigError,
  type TelemetryOptions,
  type OtlpSignalOptions,
  type OtlpProtocol,
  type MetricsExporterName,
  type TracesExporterName,
  type TemporalityPreference,
  type HistogramAggregation,
} from './config/options.js';
export {
  OTEL_VARIABLES,
  SPEECHMETRY_VARIABLES,
  type VariableDoc,
} from './config/variables.js';
export { audioDurationSeconds, type PcmFormat } from './audio.js';
export type { Operation } from './families/operation.js';
export type { SpeechTask, TaskRecordAttributes } from './families/family.js';
export type { AudioResult } from './families/audio-result.js';
export {
  AsrFamily,
  AsrOperation,
  type AsrAttributes,
  type AsrResult,
} from './families/asr.js';
export {
  TranslationFamily,
  TranslationOperation,
  type TranslationAttributes,
  type TranslationResult,
  type TranslationQuality,
} from './families/translation.js';
export { TtsFamily, TtsOperation, type TtsAttributes, type TtsResult } from './families/tts.js';
export { PipelineFamily, PipelineTurn, type PipelineAttributes } from './families/pipeline.js';
export { CellsSink, type CellsSinkOptions } from './sink/cells/index.js';
export {
  correlation,
  CorrelationConfigError,
  type Correlation,
  type CorrelationCarrier,
  type CorrelationIntegrationOptions,
  type CorrelationLogFields,
  type CorrelationOptions,
  type HeaderValue,
  type HeadersLike,
} from './correlation/index.js';
export * from './thresholds/index.js';
export type {
  AsyncScorer,
  AsyncScorerInput,
  QualityScores,
  ScoringKind,
  ScoringOptions,
} from './scoring/index.js';
