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
