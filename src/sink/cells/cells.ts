import { reporter } from '../../internal/report.js';
import type { SeriesHandle } from '../types.js';

/**
 * The aggregation cells of one series. A cell is written by `record` and
 * read and emptied by the sink when a reader collects; producers keep
 * their own accumulated copies (see producer.ts), so any number of readers
 * with different temporalities can share one set of cells.
 *
 * Recording is a few numeric writes on fields that V8 keeps unboxed: no
 * allocation, no hashing, no string building.
 */
export interface Cell extends SeriesHandle {
  /** Records since the last reset; 0 means "nothing to export". */
  n: number;
  /** Adds this cell's records to `target`, a cell of the same shape. */
  mergeInto(target: Cell): void;
  /** Empties the cell. */
  reset(): void;
  /** A new empty cell of the same shape. */
  empty(): Cell;
}

/** Explicit-bucket histogram: bucket counts, count, sum, min and max. */
export class HistogramCell implements Cell {
  n = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  /** One count per bucket; the last one is the (last bound, +Inf) bucket. */
  readonly counts: Float64Array;

  constructor(
    readonly bounds: Float64Array,
    private readonly metric: string,
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  record(value: number): void {
    // Histograms take no negative values in OpenTelemetry; `!(v >= 0)`
    // also rejects NaN, as the SDK's accumulation does.
    if (!(value >= 0)) return reject(this.metric);
    // First bound >= value: a bucket includes its upper bound, like the
    // SDK's binarySearchUB.
    const bounds = this.bounds;
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bounds[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    this.counts[lo]++;
    this.n++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  mergeInto(target: Cell): void {
    const t = target as HistogramCell;
    const from = this.counts;
    const to = t.counts;
    for (let i = 0; i < from.length; i++) to[i]! += from[i]!;
    t.n += this.n;
    t.sum += this.sum;
    if (this.min < t.min) t.min = this.min;
    if (this.max > t.max) t.max = this.max;
  }

  reset(): void {
    this.counts.fill(0);
    this.n = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  empty(): HistogramCell {
    return new HistogramCell(this.bounds, this.metric);
  }
}

/** A sum: monotonic for counters, free for up-down counters. */
export class SumCell implements Cell {
  n = 0;
  sum = 0;

  constructor(
    readonly monotonic: boolean,
    private readonly metric: string,
  ) {}

  record(value: number): void {
    // Counters take no negative increments (the SDK drops them too).
    if (this.monotonic && !(value >= 0)) return reject(this.metric);
    this.sum += value;
    this.n++;
  }

  mergeInto(target: Cell): void {
    const t = target as SumCell;
    t.sum += this.sum;
    t.n += this.n;
  }

  reset(): void {
    this.n = 0;
    this.sum = 0;
  }

  empty(): SumCell {
    return new SumCell(this.monotonic, this.metric);
  }
}

/** A gauge: the last value recorded. */
export class GaugeCell implements Cell {
  n = 0;
  value = 0;

  record(value: number): void {
    this.value = value;
    this.n++;
  }

  // Cells are drained in time order, so the newer value always wins.
  mergeInto(target: Cell): void {
    if (this.n === 0) return;
    const t = target as GaugeCell;
    t.value = this.value;
    t.n += this.n;
  }

  reset(): void {
    this.n = 0;
    this.value = 0;
  }

  empty(): GaugeCell {
    return new GaugeCell();
  }
}

/**
 * The rejection path, kept out of the `record` methods: smaller bytecode
 * lets V8 inline `record` into its callers, and a double passed to an
 * inlined call is never boxed (bench/recording.mjs, allocation table).
 */
function reject(metric: string): void {
  reporter().drop('invalid_value', metric);
}
