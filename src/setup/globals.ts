import {
  context,
  createContextKey,
  metrics,
  propagation,
  ROOT_CONTEXT,
  trace,
  type MeterProvider,
  type TracerProvider,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';

const PROBE = createContextKey('speechmetry.probe');

/** True when some context manager carries values through `context.with`. */
function hasContextManager(): boolean {
  const probe = ROOT_CONTEXT.setValue(PROBE, true);
  return context.with(probe, () => context.active().getValue(PROBE) === true);
}

function isNoop(provider: object): boolean {
  const delegate = (provider as { getDelegate?: () => object }).getDelegate?.() ?? provider;
  return delegate.constructor.name.startsWith('Noop');
}

/**
 * Registers what the host has not registered yet: an AsyncLocalStorage
 * context manager, the W3C propagators, and the providers. What the host
 * already registered is left alone (the API would refuse and log an
 * error). Returns the names of what was left to the host.
 */
export function registerGlobals(
  meterProvider: MeterProvider,
  tracerProvider: TracerProvider,
): string[] {
  const kept: string[] = [];
  if (hasContextManager()) kept.push('context manager');
  else context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  if (propagation.fields().length > 0) kept.push('propagator');
  else {
    propagation.setGlobalPropagator(new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }));
  }
  if (!isNoop(metrics.getMeterProvider())) kept.push('meter provider');
  else metrics.setGlobalMeterProvider(meterProvider);
  if (!isNoop(trace.getTracerProvider())) kept.push('tracer provider');
  else trace.setGlobalTracerProvider(tracerProvider);
  return kept;
}

/** Makes sure `context.with` carries values, for spans and correlation IDs. */
export function ensureContextManager(): void {
  if (!hasContextManager()) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  }
}
