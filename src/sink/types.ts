import type { Attributes } from '@opentelemetry/api';
import type { MetricDefinition } from '../semconv.js';

/**
 * One time series: an instrument with its attribute set fixed. `record`
 * takes an already validated number: a histogram observation, a counter or
 * up-down counter increment, or a gauge value. It must not allocate.
 */
export interface SeriesHandle {
  /** Adds one validated value to the series. */
  record(value: number): void;
}

/** An instrument of a sink, from which series handles are bound. */
export interface SinkInstrument {
  /** Resolves an attribute set to its series, once. */
  bind(attributes: Attributes): SeriesHandle;
}

/**
 * Where recorded numbers go. Two implementations sit behind this seam:
 * the ordinary OpenTelemetry instruments of a MeterProvider, and the
 * speechmetry aggregation cells collected by a MetricProducer.
 */
export interface MetricSink {
  /** Which implementation sits behind the seam. */
  readonly kind: 'otel' | 'cells';
  /** The instrument of one metric definition; same name, same one. */
  instrument(definition: MetricDefinition): SinkInstrument;
}
