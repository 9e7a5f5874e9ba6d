import type { MeterProvider } from '@opentelemetry/api';
import { HostMetrics } from '@opentelemetry/host-metrics';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';

/**
 * Starts the maintained OpenTelemetry collectors of host (CPU, memory,
 * network) and runtime (event-loop delay and utilisation, heap, GC)
 * metrics on `meterProvider`. Returns how to stop them.
 */
export function startHostMetrics(meterProvider: MeterProvider): { stop(): void } {
  const host = new HostMetrics({ meterProvider, name: 'speechmetry-host' });
  host.start();
  const runtime = new RuntimeNodeInstrumentation();
  runtime.setMeterProvider(meterProvider);
  runtime.enable();
  return { stop: () => runtime.disable() };
}
