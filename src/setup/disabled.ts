import { ProxyTracerProvider } from '@opentelemetry/api';
import type { ResolvedConfig } from '../config/resolve.js';
import type { MetricSink, SeriesHandle } from '../sink/types.js';
import { SpeechTelemetry } from '../telemetry.js';
import { buildContext } from './build.js';
import { createThresholds } from './parts.js';

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
  const { ctx, recorder } = buildContext({
    sink: NOOP_SINK,
    tracer,
    captureContent: false,
    contentMaxLength: config.contentMaxLength,
    scoring: undefined,
    cacheLimit: config.cardinalityLimit,
  });
  const thresholds = createThresholds({ ...config, thresholdsFile: undefined }, {}, recorder);
  const lifecycle = {
    forceFlush: async () => {},
    shutdown: async () => {
      recorder.close();
      await thresholds.shutdown();
    },
  };
  return new SpeechTelemetry(ctx, thresholds, lifecycle, config.shutdownTimeoutMillis);
}
