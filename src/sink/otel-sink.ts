import type { Attributes, Meter } from '@opentelemetry/api';
import type { MetricDefinition } from '../semconv.js';
import type { MetricSink, SeriesHandle, SinkInstrument } from './types.js';

/**
 * The sink that records through the OpenTelemetry metrics API of any
 * MeterProvider, used when speechmetry cannot attach its own producer (a
 * host's provider) and as the reference the conformance suite compares
 * the cells sink against.
 */
export class OtelSink implements MetricSink {
  readonly kind = 'otel' as const;
  private readonly instruments = new Map<string, SinkInstrument>();

  constructor(private readonly meter: Meter) {}

  instrument(def: MetricDefinition): SinkInstrument {
    let found = this.instruments.get(def.name);
    if (found === undefined) {
      found = this.create(def);
      this.instruments.set(def.name, found);
    }
    return found;
  }

  private create(def: MetricDefinition): SinkInstrument {
    const options = { unit: def.unit, description: def.description };
    switch (def.kind) {
      case 'histogram': {
        const h = this.meter.createHistogram(def.name, {
          ...options,
          advice: { explicitBucketBoundaries: def.buckets?.slice() },
        });
        return bindWith((v, a) => h.record(v, a));
      }
      case 'counter': {
        const c = this.meter.createCounter(def.name, options);
        return bindWith((v, a) => c.add(v, a));
      }
      case 'updowncounter': {
        const u = this.meter.createUpDownCounter(def.name, options);
        return bindWith((v, a) => u.add(v, a));
      }
      case 'gauge': {
        const g = this.meter.createGauge(def.name, options);
        return bindWith((v, a) => g.record(v, a));
      }
    }
  }
}

function bindWith(write: (value: number, attributes: Attributes) => void): SinkInstrument {
  return {
    bind(attributes: Attributes): SeriesHandle {
      return { record: (value: number) => write(value, attributes) };
    },
  };
}
