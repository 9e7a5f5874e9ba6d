import type { Attributes, Meter } from '@opentelemetry/api';
import type { MetricDefinition } from '../semconv.js';
import { reporter } from '../internal/report.js';
import { copyAttributes } from './cells/attribute-key.js';
import type { MetricSink, SeriesHandle, SinkInstrument } from './types.js';

type Write = (value: number, attributes: Attributes) => void;

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
        return bindWith(def.name, true, (v, a) => h.record(v, a));
      }
      case 'counter': {
        const c = this.meter.createCounter(def.name, options);
        return bindWith(def.name, true, (v, a) => c.add(v, a));
      }
      case 'updowncounter': {
        const u = this.meter.createUpDownCounter(def.name, options);
        return bindWith(def.name, false, (v, a) => u.add(v, a));
      }
      case 'gauge': {
        const g = this.meter.createGauge(def.name, options);
        return bindWith(def.name, false, (v, a) => g.record(v, a));
      }
    }
  }
}

/**
 * Binds series that reject negative values themselves where the SDK would
 * (histograms, counters): the SDK warns on every such value, a flood in a
 * hot loop, where the reporter warns once per interval and counts.
 */
function bindWith(metric: string, nonNegative: boolean, write: Write): SinkInstrument {
  return {
    bind(attributes: Attributes): SeriesHandle {
      const fixed = copyAttributes(attributes);
      if (!nonNegative) return { record: (value: number) => write(value, fixed) };
      return {
        record(value: number): void {
          if (!(value >= 0)) {
            reporter().drop('invalid_value', metric);
            return;
          }
          write(value, fixed);
        },
      };
    },
  };
}
