import { ValueType, type Attributes } from '@opentelemetry/api';
import { InstrumentType } from '@opentelemetry/sdk-metrics';
import type { MetricDefinition } from '../../semconv.js';
import { reporter } from '../../internal/report.js';
import type { SeriesHandle, SinkInstrument } from '../types.js';
import { attributeKey, copyAttributes } from './attribute-key.js';
import { GaugeCell, HistogramCell, SumCell, type Cell } from './cells.js';

/** The attribute set of the series that takes what exceeds the limit. */
export const OVERFLOW_ATTRIBUTES: Attributes = Object.freeze({
  'otel.metric.overflow': true,
});

/** One series of an instrument: its attributes and its cells. */
export interface SeriesEntry {
  readonly attributes: Attributes;
  readonly cell: Cell;
  /** When the series was created, in epoch milliseconds. */
  readonly createdAt: number;
}

/**
 * The descriptor sdk-metrics puts on its MetricData, rebuilt from the
 * definition so both sinks export the same one.
 */
export interface CellDescriptor {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly type: InstrumentType;
  readonly valueType: ValueType;
  readonly advice: { explicitBucketBoundaries?: number[] };
}

/**
 * An instrument of the cells sink: its series by canonical attribute key,
 * capped at the cardinality limit. Binding hashes once; the handle it
 * returns is the series' cell itself.
 */
export class CellInstrument implements SinkInstrument {
  /** Series in creation order (the overflow series included). */
  readonly series: SeriesEntry[] = [];
  readonly descriptor: CellDescriptor;
  /** Bucket bounds as a plain array, shared by every exported point. */
  readonly boundaries: number[];
  private readonly byKey = new Map<string, SeriesEntry>();
  private readonly template: Cell;
  private overflow: SeriesEntry | undefined;

  constructor(
    readonly definition: MetricDefinition,
    private readonly cardinalityLimit: number,
    private readonly now: () => number = Date.now,
  ) {
    this.boundaries = definition.buckets?.slice() ?? [];
    this.template = templateCell(definition);
    this.descriptor = describe(definition, this.boundaries);
  }

  bind(attributes: Attributes): SeriesHandle {
    let key: string;
    try {
      key = attributeKey(attributes);
    } catch {
      // An attribute value JSON cannot encode (a bigint slipped past the
      // families): keep the value, in the overflow series.
      reporter().drop('invalid_attribute', this.definition.name, 'recorded as overflow');
      return this.overflowEntry().cell;
    }
    const found = this.byKey.get(key);
    if (found !== undefined) return found.cell;

    // The limit counts the overflow series, as the specification and
    // sdk-metrics do: limit - 1 ordinary series, then overflow.
    if (this.byKey.size >= this.cardinalityLimit - 1) {
      reporter().drop('overflow', this.definition.name, 'recorded in the overflow series');
      return this.overflowEntry().cell;
    }
    const entry = this.add(copyAttributes(attributes));
    this.byKey.set(key, entry);
    return entry.cell;
  }

  private overflowEntry(): SeriesEntry {
    this.overflow ??= this.add(OVERFLOW_ATTRIBUTES);
    return this.overflow;
  }

  private add(attributes: Attributes): SeriesEntry {
    const entry = { attributes, cell: this.template.empty(), createdAt: this.now() };
    this.series.push(entry);
    return entry;
  }
}

function templateCell(def: MetricDefinition): Cell {
  switch (def.kind) {
    case 'histogram':
      return new HistogramCell(Float64Array.from(def.buckets ?? []), def.name);
    case 'counter':
      return new SumCell(true, def.name);
    case 'updowncounter':
      return new SumCell(false, def.name);
    case 'gauge':
      return new GaugeCell();
  }
}

const INSTRUMENT_TYPES = {
  histogram: InstrumentType.HISTOGRAM,
  counter: InstrumentType.COUNTER,
  updowncounter: InstrumentType.UP_DOWN_COUNTER,
  gauge: InstrumentType.GAUGE,
} as const;

function describe(def: MetricDefinition, boundaries: number[]): CellDescriptor {
  return Object.freeze({
    name: def.name,
    description: def.description,
    unit: def.unit,
    type: INSTRUMENT_TYPES[def.kind],
    valueType: ValueType.DOUBLE,
    advice: def.kind === 'histogram' ? { explicitBucketBoundaries: boundaries } : {},
  });
}
