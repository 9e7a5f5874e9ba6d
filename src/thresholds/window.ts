import { LogCollapsingLowestDenseDDSketch } from '@datadog/sketches-js';
import type { DDSketch } from '@datadog/sketches-js';

/**
 * Relative accuracy of the quantile sketches: a quantile is within 1% of
 * the true value (bench/thresholds.mjs measures it).
 */
export const SKETCH_RELATIVE_ACCURACY = 0.01;

/**
 * Bins per sketch before the lowest ones collapse. At 1% accuracy, 512
 * bins span a factor of about 27 000 between the smallest and largest
 * value kept exactly (1 ms to 27 s), which bounds a slice to ~4 KiB and
 * keeps the upper quantiles exact when the range is wider.
 */
const SKETCH_BIN_LIMIT = 512;

/** Most slices a window is split into. */
export const MAX_SLICES = 12;

/** Aggregates of one time slice. */
class Slice {
  count = 0;
  sum = 0;
  max = -Infinity;
  errors = 0;
  sketch: DDSketch | undefined;

  constructor(withSketch: boolean) {
    this.sketch = withSketch ? newSketch() : undefined;
  }

  clear(withSketch: boolean): void {
    // A used sketch has no reset; an empty one is kept as it is.
    if (this.sketch !== undefined && this.count > 0) {
      this.sketch = withSketch ? newSketch() : undefined;
    }
    this.count = 0;
    this.sum = 0;
    this.max = -Infinity;
    this.errors = 0;
  }
}

function newSketch(): DDSketch {
  return new LogCollapsingLowestDenseDDSketch({
    relativeAccuracy: SKETCH_RELATIVE_ACCURACY,
    binLimit: SKETCH_BIN_LIMIT,
  }) as unknown as DDSketch;
}

/** Merged view of a window, computed on the evaluation tick. */
export interface WindowSnapshot {
  count: number;
  sum: number;
  max: number;
  errors: number;
  /** Length the data covers, ms (for rates). */
  spanMs: number;
  /** Merged sketch, when the window keeps one. */
  sketch: DDSketch | undefined;
  /** Level of an up-down counter (sum of all increments so far). */
  level: number;
}

/**
 * A sliding window made of time slices. Values go into the head slice
 * without reading the clock; the evaluation tick advances the head by the
 * slices that elapsed and merges the rest. So the window covers between
 * `windowMs` and `windowMs` plus one slice, and nothing is computed per
 * record beyond a few additions and a sketch insert.
 */
export class SlidingWindow {
  private readonly slices: Slice[];
  private readonly sliceMs: number;
  private head = 0;
  private headIndex: number;
  private createdAt: number;
  /** Running sum of all values, for up-down counters (queue depth). */
  private level = 0;
  private readonly levels: boolean;

  constructor(
    windowMs: number,
    intervalMs: number,
    now: number,
    private readonly withSketch: boolean,
    levels = false,
  ) {
    const n = Math.min(MAX_SLICES, Math.max(1, Math.ceil(windowMs / intervalMs)));
    this.sliceMs = windowMs / n;
    // One slice more than the window holds: the head fills while the
    // others are complete.
    this.slices = Array.from({ length: n + 1 }, () => new Slice(withSketch));
    this.headIndex = Math.floor(now / this.sliceMs);
    this.createdAt = now;
    this.levels = levels;
    if (levels) for (const s of this.slices) s.max = 0;
  }

  /** Records one value. Hot path: no allocation, no clock. */
  add(value: number): void {
    const s = this.slices[this.head]!;
    s.count++;
    s.sum += value;
    if (this.levels) {
      this.level += value;
      if (this.level > s.max) s.max = this.level;
      return;
    }
    if (value > s.max) s.max = value;
    if (s.sketch !== undefined) s.sketch.accept(value);
  }

  /** Records one value from a series that carries `error.type`. */
  addError(value: number): void {
    this.slices[this.head]!.errors++;
    this.add(value);
  }

  /**
   * Moves the head to the slice of `now`, clearing expired slices. What
   * the head collected since the last tick is recent, so it becomes the
   * slice just before the new head even when ticks came late.
   */
  advance(now: number): void {
    const target = Math.floor(now / this.sliceMs);
    const k = target - this.headIndex;
    if (k <= 0) return;
    const len = this.slices.length;
    const old = this.head;
    for (let i = 1; i <= Math.min(k, len - 1); i++) this.reset(this.slices[(old + i) % len]!);
    const head = (old + k) % len;
    const previous = (head - 1 + len) % len;
    if (previous !== old) {
      const kept = this.slices[old]!;
      this.slices[old] = this.slices[previous]!;
      this.slices[previous] = kept;
    }
    this.head = head;
    this.headIndex = target;
  }

  private reset(s: Slice): void {
    s.clear(this.withSketch);
    // A level persists between changes: an idle queue keeps its depth.
    if (this.levels) s.max = this.level;
  }

  /** Merges the slices; call after {@link advance}. */
  snapshot(now: number): WindowSnapshot {
    const out: WindowSnapshot = {
      count: 0, sum: 0, max: -Infinity, errors: 0, spanMs: 0,
      sketch: undefined, level: this.level,
    };
    if (this.withSketch) out.sketch = newSketch();
    for (const s of this.slices) {
      out.count += s.count;
      out.sum += s.sum;
      out.errors += s.errors;
      if (s.max > out.max) out.max = s.max;
      if (out.sketch !== undefined && s.sketch !== undefined && s.count > 0) {
        out.sketch.merge(s.sketch);
      }
    }
    const covered = (this.slices.length - 1) * this.sliceMs + (now % this.sliceMs);
    out.spanMs = Math.max(1, Math.min(covered, now - this.createdAt));
    return out;
  }
}
