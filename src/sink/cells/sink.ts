import type { MetricDefinition } from '../../semconv.js';
import type { MetricSink, SinkInstrument } from '../types.js';
import { CellInstrument } from './instrument.js';
import { CellsProducer, type CellsProducerOptions } from './producer.js';

/** Default series per metric, the overflow series included. @public */
export const DEFAULT_CARDINALITY_LIMIT = 2000;

/** Options of {@link CellsSink}. @public */
export interface CellsSinkOptions {
  /**
   * Series per metric, the overflow series included (as sdk-metrics
   * counts it). Attribute sets bound beyond it share the series
   * `otel.metric.overflow: true`. Default: 2000.
   */
  cardinalityLimit?: number;
  /** Clock in epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
}

/**
 * The fast sink: each bound series is a set of aggregation cells that
 * `record` writes directly (a binary search and a few increments, no
 * allocation, no hashing). Readers get the data through
 * {@link CellsSink.producer}, a MetricProducer for the ordinary
 * sdk-metrics export pipeline.
 * @public
 */
export class CellsSink implements MetricSink {
  /** Which sink this is; the OpenTelemetry-instrument sink says `otel`. */
  readonly kind = 'cells' as const;
  /** Instruments in creation order. */
  readonly instruments: CellInstrument[] = [];
  private readonly byName = new Map<string, CellInstrument>();
  private readonly producers = new Set<CellsProducer>();
  private readonly limit: number;
  private readonly now: () => number;
  private drained = false;

  constructor(options: CellsSinkOptions = {}) {
    const limit = options.cardinalityLimit ?? DEFAULT_CARDINALITY_LIMIT;
    const valid = Number.isFinite(limit) && limit >= 1;
    this.limit = valid ? Math.floor(limit) : DEFAULT_CARDINALITY_LIMIT;
    this.now = options.now ?? Date.now;
  }

  /** The instrument of a metric, created on first use and then shared. */
  instrument(definition: MetricDefinition): SinkInstrument {
    let found = this.byName.get(definition.name);
    if (found === undefined) {
      found = new CellInstrument(definition, this.limit, this.now);
      this.byName.set(definition.name, found);
      this.instruments.push(found);
    }
    return found;
  }

  /**
   * A MetricProducer for one reader: pass it in the reader's
   * `metricProducers` (PeriodicExportingMetricReader,
   * PrometheusExporter, or any MetricReader). Give each reader its own.
   */
  producer(options: CellsProducerOptions = {}): CellsProducer {
    const origin = this.drained ? this.now() : 0;
    const producer = new CellsProducer(this.source, options, origin);
    this.producers.add(producer);
    return producer;
  }

  private readonly source = {
    instruments: this.instruments,
    drain: () => this.drain(),
    now: () => this.now(),
    detach: (producer: CellsProducer) => this.producers.delete(producer),
  };

  /**
   * Hands what every cell recorded since the last drain to every
   * producer, then empties the cells. Cells hold deltas; producers own
   * the temporality.
   */
  private drain(): void {
    if (this.producers.size === 0) return;
    this.drained = true;
    for (const instrument of this.instruments) {
      for (const entry of instrument.series) {
        if (entry.cell.n === 0) continue;
        for (const producer of this.producers) producer.absorb(entry);
        entry.cell.reset();
      }
    }
  }
}
