import type { HrTime } from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import { emptyResource, type Resource } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  type AggregationTemporalitySelector,
  type CollectionResult,
  type InstrumentType,
  type MetricData,
  type MetricProducer,
} from '@opentelemetry/sdk-metrics';
import { SCOPE_NAME } from '../../semconv.js';
import { VERSION } from '../../version.js';
import type { Cell } from './cells.js';
import type { CellInstrument, SeriesEntry } from './instrument.js';
import { toMetricData, type ReportedSeries } from './metric-data.js';

/**
 * A reader's temporality preference: one temporality for every
 * instrument, a selector by instrument type (an exporter's
 * `selectAggregationTemporality`), or an object that has such a method (a
 * MetricReader or a PushMetricExporter; asked at collection time).
 * @public
 */
export type TemporalityPreference =
  | AggregationTemporality
  | AggregationTemporalitySelector
  | { selectAggregationTemporality(type: InstrumentType): AggregationTemporality };

/** Options of {@link CellsSink.producer}. @public */
export interface CellsProducerOptions {
  /**
   * Temporality of the exported data, following the reader's preference.
   * Default: cumulative for every instrument.
   */
  temporality?: TemporalityPreference;
  /**
   * Resource of the collection result. MetricReader keeps its own
   * provider's resource and ignores this one. Default: empty.
   */
  resource?: Resource;
}

/** What a producer needs from its sink. */
export interface ProducerSource {
  readonly instruments: readonly CellInstrument[];
  /** Moves what the cells recorded into every producer, then empties them. */
  drain(): void;
  /** The sink's clock, epoch milliseconds. */
  now(): number;
  detach(producer: CellsProducer): void;
}

interface State {
  /** Drained since this producer's last collection. */
  readonly pending: Cell;
  /** Everything collected so far (cumulative readers only). */
  total: Cell | undefined;
  /** When this producer's view of the series begins, epoch ms. */
  readonly since: number;
}

/** Milliseconds of building before a collection gives the loop a turn. */
const YIELD_AFTER_MS = 4;

/**
 * The MetricProducer of a cells sink for one reader. It keeps its own
 * accumulated copy of every series, so readers with different
 * temporalities read the same cells without disturbing each other:
 * cumulative copies grow forever, delta copies are emptied on every
 * collection.
 * @public
 */
export class CellsProducer implements MetricProducer {
  private readonly states = new Map<SeriesEntry, State>();
  private readonly temporalities = new Map<CellInstrument, AggregationTemporality>();
  private readonly resource: Resource;
  private lastCollection: number;
  private closed = false;

  /**
   * @param origin - epoch ms from which this producer sees records: 0 when
   * no other producer drained the cells before it existed.
   */
  constructor(
    private readonly source: ProducerSource,
    private readonly options: CellsProducerOptions,
    private readonly origin: number,
  ) {
    this.resource = options.resource ?? emptyResource();
    this.lastCollection = origin;
  }

  /** Receives a drained cell for one series (called by the sink). */
  absorb(entry: SeriesEntry): void {
    let state = this.states.get(entry);
    if (state === undefined) {
      const since = Math.max(entry.createdAt, this.origin);
      state = { pending: entry.cell.empty(), total: undefined, since };
      this.states.set(entry, state);
    }
    entry.cell.mergeInto(state.pending);
  }

  /** Collects the sink's series in this reader's temporality. Never throws. */
  async collect(): Promise<CollectionResult> {
    try {
      return this.result(this.closed ? [] : await this.collectNow());
    } catch (error) {
      return { ...this.result([]), errors: [error] };
    }
  }

  /** Stops this producer; the sink no longer keeps copies for it. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.source.detach(this);
    this.states.clear();
  }

  private async collectNow(): Promise<MetricData[]> {
    this.source.drain();
    const now = this.source.now();
    const endTime = millisToHrTime(now);
    const out: MetricData[] = [];
    let slice = performance.now();
    for (const instrument of this.source.instruments) {
      const data = this.build(instrument, endTime);
      if (data !== undefined) out.push(data);
      // At the cardinality limit one collection builds tens of thousands
      // of points (bench/event-loop.mjs); giving the loop a turn between
      // instruments keeps the host's requests moving. The drain above is
      // atomic, and a drain by another reader during the pause only adds
      // to this producer's later collections.
      if (performance.now() - slice > YIELD_AFTER_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    this.lastCollection = now;
    return out;
  }

  private build(instrument: CellInstrument, endTime: HrTime): MetricData | undefined {
    const temporality = this.temporalityOf(instrument);
    const delta = temporality === AggregationTemporality.DELTA;
    const reported: ReportedSeries[] = [];
    for (const entry of instrument.series) {
      const state = this.states.get(entry);
      if (state === undefined) continue;
      const cell = delta ? state.pending : accumulate(state);
      if (cell === undefined || cell.n === 0) continue;
      const start = delta ? Math.max(state.since, this.lastCollection) : state.since;
      reported.push({ entry, cell, startTime: millisToHrTime(start) });
    }
    const data = toMetricData(instrument, temporality, reported, endTime);
    // Delta copies start again empty; the points above already hold the
    // numbers they export.
    if (delta) for (const s of reported) s.cell.reset();
    return data;
  }

  private temporalityOf(instrument: CellInstrument): AggregationTemporality {
    let t = this.temporalities.get(instrument);
    if (t === undefined) {
      // Fixed at the first collection, as sdk-metrics does per collector.
      t = selectTemporality(this.options.temporality, instrument.descriptor.type);
      this.temporalities.set(instrument, t);
    }
    return t;
  }

  private result(metrics: MetricData[]): CollectionResult {
    const scopeMetrics =
      metrics.length === 0 ? [] : [{ scope: { name: SCOPE_NAME, version: VERSION }, metrics }];
    return { resourceMetrics: { resource: this.resource, scopeMetrics }, errors: [] };
  }
}

/**
 * Adds what was drained since the last collection to the running total.
 * Pending deltas are summed first and then added, in the order sdk-metrics
 * merges them, so floating-point sums come out bit for bit the same.
 */
function accumulate(state: State): Cell | undefined {
  if (state.pending.n > 0) {
    state.total ??= state.pending.empty();
    state.pending.mergeInto(state.total);
    state.pending.reset();
  }
  return state.total;
}

function selectTemporality(
  preference: TemporalityPreference | undefined,
  type: InstrumentType,
): AggregationTemporality {
  if (preference === undefined) return AggregationTemporality.CUMULATIVE;
  if (typeof preference === 'function') return preference(type);
  if (typeof preference === 'object') return preference.selectAggregationTemporality(type);
  return preference;
}
