import { ProxyTracerProvider } from '@opentelemetry/api';
import type { ResolvedConfig } from '../config/resolve.js';
import type { MetricSink, SeriesHandle } from '../sink/types.js';
import { SpeechTelemetry } from '../telemetry.js';
import { assemble } from './parts.js';

const NOOP_HANDLE: SeriesHandle = { record(): void {} };
const NOOP_SINK: MetricSink = {
  kind: 'otel',
  instrument: () => ({ bind: () => NOOP_HANDLE }),
};

/**
 * `OTEL_SDK_DISABLED=true`: the same API on no-op parts. No provider, no
 * exporter, no socket, no timer; spans are the API's non-recording ones.
 */
export function startDisabled(config: ResolvedConfig): SpeechTelemetry {
  // A proxy with no delegate hands out the API's no-op tracer.
  const tracer = new ProxyTracerProvider().getTracer('speechmetry');
  // No rules file, no scoring, no content: nothing that would start work.
  const quiet = {
    ...config,
    thresholdsFile: undefined,
    qualitySampleRate: 0,
    captureContent: false,
  };
  const parts = assemble(quiet, {}, NOOP_SINK, tracer, undefined);
  const lifecycle = { forceFlush: async () => {}, shutdown: () => parts.stop() };
  return new SpeechTelemetry(parts.ctx, parts.thresholds, lifecycle, config.shutdownTimeoutMillis);
}
