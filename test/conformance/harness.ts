import type { Attributes, HrTime } from '@opentelemetry/api';
import { expect } from 'vitest';
import {
  AggregationTemporality,
  MeterProvider,
  MetricReader,
  type AggregationTemporalitySelector,
  type CollectionResult,
  type InstrumentType,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { SCOPE_NAME, type MetricDefinition } from '../../src/semconv.js';
import { VERSION } from '../../src/version.js';
import { CellsSink } from '../../src/sink/cells/index.js';
import { OtelSink } from '../../src/sink/otel-sink.js';
import type { MetricSink, SeriesHandle } from '../../src/sink/types.js';

/** A reader the test collects by hand. */
export class ManualReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

/** One reader's configuration, the same for both sinks. */
export interface ReaderSpec {
  temporality: AggregationTemporality | AggregationTemporalitySelector;
}

/** A sink wired to real readers of a real MeterProvider. */
export interface Rig {
  sink: MetricSink;
  readers: ManualReader[];
  bind(def: MetricDefinition, attributes: Attributes): SeriesHandle;
}

function selector(spec: ReaderSpec): AggregationTemporalitySelector {
  const t = spec.temporality;
  return typeof t === 'function' ? t : () => t;
}

/** The reference: OpenTelemetry instruments of an sdk-metrics provider. */
export function otelRig(specs: ReaderSpec[], cardinalityLimit = 2000): Rig {
  const readers = specs.map(
    (spec) =>
      new ManualReader({
        aggregationTemporalitySelector: selector(spec),
        cardinalitySelector: () => cardinalityLimit,
      }),
  );
  const provider = new MeterProvider({ readers });
  const sink = new OtelSink(provider.getMeter(SCOPE_NAME, VERSION));
  return rig(sink, readers);
}

/** The fast path: cells collected by one producer per reader. */
export function cellsRig(specs: ReaderSpec[], cardinalityLimit = 2000): Rig {
  const sink = new CellsSink({ cardinalityLimit });
  const readers = specs.map((spec) => {
    const temporality = selector(spec);
    return new ManualReader({
      aggregationTemporalitySelector: temporality,
      metricProducers: [sink.producer({ temporality })],
    });
  });
  // The provider only binds the readers; its own meters stay empty.
  new MeterProvider({ readers });
  return rig(sink, readers);
}

function rig(sink: MetricSink, readers: ManualReader[]): Rig {
  return {
    sink,
    readers,
    bind: (def, attributes) => sink.instrument(def).bind(attributes),
  };
}

/** What must be equal between the sinks: everything but the clock. */
export interface NormalMetric {
  scope: string;
  descriptor: unknown;
  dataPointType: number;
  aggregationTemporality: AggregationTemporality;
  isMonotonic: boolean | undefined;
  points: { attributes: Attributes; value: unknown }[];
}

export function normalize(result: CollectionResult): NormalMetric[] {
  expect(result.errors).toEqual([]);
  const out: NormalMetric[] = [];
  for (const sm of result.resourceMetrics.scopeMetrics) {
    for (const m of sm.metrics) out.push(normalMetric(`${sm.scope.name}@${sm.scope.version}`, m));
  }
  return out.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

function nameOf(m: NormalMetric): string {
  return (m.descriptor as { name: string }).name;
}

function normalMetric(scope: string, m: MetricData): NormalMetric {
  const d = m.descriptor as MetricData['descriptor'] & { type: InstrumentType; advice: unknown };
  const points = (m.dataPoints as { attributes: Attributes; value: unknown }[])
    .map((p) => ({ attributes: p.attributes, value: p.value }))
    .sort((a, b) => key(a.attributes).localeCompare(key(b.attributes)));
  return {
    scope,
    descriptor: {
      name: d.name,
      description: d.description,
      unit: d.unit,
      type: d.type,
      valueType: d.valueType,
      advice: d.advice,
    },
    dataPointType: m.dataPointType,
    aggregationTemporality: m.aggregationTemporality,
    isMonotonic: 'isMonotonic' in m ? m.isMonotonic : undefined,
    points,
  };
}

function key(attributes: Attributes): string {
  return JSON.stringify(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)));
}

/** Start and end times of every point, by metric and attribute key. */
export function times(result: CollectionResult): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  for (const sm of result.resourceMetrics.scopeMetrics) {
    for (const m of sm.metrics) {
      for (const p of m.dataPoints as { attributes: Attributes; startTime: HrTime; endTime: HrTime }[]) {
        out.set(`${m.descriptor.name} ${key(p.attributes)}`, { start: ms(p.startTime), end: ms(p.endTime) });
      }
    }
  }
  return out;
}

function ms(t: HrTime): number {
  return t[0] * 1e3 + t[1] / 1e6;
}
