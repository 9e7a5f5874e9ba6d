import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import type { Env } from '../config/env.js';
import type { TelemetryOptions } from '../config/options.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { reporter } from '../internal/report.js';
import { CellsSink } from '../sink/cells/index.js';
import { OtelSink } from '../sink/otel-sink.js';
import { SCOPE_NAME } from '../semconv.js';
import { SpeechTelemetry, type Lifecycle } from '../telemetry.js';
import { VERSION } from '../version.js';
import { observeDrops } from './build.js';
import { createMetricReaders, createSpanProcessors } from './exporters.js';
import { registerGlobals } from './globals.js';
import { startHostMetrics } from './host-metrics.js';
import { assemble } from './parts.js';
import { buildResource } from './resource.js';
import { startDisabled } from './disabled.js';

const STATE_KEY = Symbol.for('speechmetry.started');

interface StartedState {
  telemetry: SpeechTelemetry;
}

function state(): { current?: StartedState } {
  const g = globalThis as { [STATE_KEY]?: { current?: StartedState } };
  return (g[STATE_KEY] ??= {});
}

/**
 * Builds and owns a MeterProvider and a TracerProvider from the
 * environment (`OTEL_*`, `SPEECHMETRY_*`) and `options`, registers them
 * globally unless told not to, and returns the {@link SpeechTelemetry}.
 * Invalid code options throw a {@link SpeechmetryConfigError}; invalid
 * environment values warn once and fall back to their default. A second
 * call while the first is running warns and returns the same instance, so
 * nothing is exported twice.
 *
 * @example
 * ```ts
 * const telemetry = startTelemetry({ serviceName: 'mt-gateway' });
 * ```
 * @public
 */
export function startTelemetry(options: TelemetryOptions = {}): SpeechTelemetry {
  const running = state().current;
  if (running !== undefined) {
    reporter().warnOnce('start:twice', () =>
      'startTelemetry was called again while running; returned the running instance');
    return running.telemetry;
  }
  const env = options.env ?? process.env;
  const config = resolveConfig(options, env);
  const telemetry = config.disabled ? startDisabled(config) : startEnabled(config, env, options);
  const started = { telemetry };
  state().current = started;
  const shutdown = telemetry.shutdown.bind(telemetry);
  telemetry.shutdown = () => {
    if (state().current === started) state().current = undefined;
    return shutdown();
  };
  if (config.shutdownOnExit) shutdownOnExit(telemetry);
  return telemetry;
}

function startEnabled(
  config: ResolvedConfig,
  env: Env,
  options: TelemetryOptions,
): SpeechTelemetry {
  const resource = buildResource(config);
  // The cells sink aggregates explicit-bucket histograms only; a host that
  // asks for exponential histograms gets the OpenTelemetry instruments.
  const cells = config.histogramAggregation === 'explicit_bucket_histogram'
    ? new CellsSink({ cardinalityLimit: config.cardinalityLimit })
    : undefined;
  const readers = createMetricReaders(config, (temporality) =>
    cells === undefined ? [] : [cells.producer({ temporality })]);
  const meterProvider = new MeterProvider({ resource, readers });
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: createSpanProcessors(config),
  });
  if (config.registerGlobal) {
    const kept = registerGlobals(meterProvider, tracerProvider);
    if (kept.length > 0) {
      reporter().logger.info(`kept the host's registered ${kept.join(', ')}`);
    }
  }
  observeDrops(meterProvider);
  const sink = cells ?? new OtelSink(meterProvider.getMeter(SCOPE_NAME, VERSION));
  const tracer = tracerProvider.getTracer(SCOPE_NAME, VERSION);
  const parts = assemble(config, env, sink, tracer, options.scoring);
  const host = config.hostMetrics ? startHostMetrics(meterProvider) : undefined;
  const lifecycle: Lifecycle = {
    async forceFlush() {
      await Promise.allSettled([meterProvider.forceFlush(), tracerProvider.forceFlush()]);
    },
    async shutdown() {
      await parts.stop();
      await Promise.allSettled([meterProvider.shutdown(), tracerProvider.shutdown()]);
      // After the final collection, which still reads the runtime gauges.
      host?.stop();
    },
  };
  return new SpeechTelemetry(parts.ctx, parts.thresholds, lifecycle, config.shutdownTimeoutMillis);
}

function shutdownOnExit(telemetry: SpeechTelemetry): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
    void telemetry.shutdown().finally(() => {
      // Our listener kept the default action from running: restore it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  process.once('beforeExit', () => void telemetry.shutdown());
}
