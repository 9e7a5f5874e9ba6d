import type { Attributes } from '@opentelemetry/api';
import type { MetricDefinition } from '../semconv.js';
import { reporter } from '../internal/report.js';
import type { MetricSink, SeriesHandle } from './types.js';

/**
 * Receives the same values as the metrics, for threshold windows. `bind`
 * is called once per series, when the series is created; it returns the
 * function that feeds the windows of every rule the series matches, or
 * undefined when no rule does.
 */
export interface ThresholdFeed {
  /** Resolves one series to its window feeder, or undefined. */
  bind(metric: string, attributes: Attributes): ((value: number) => void) | undefined;
}

/**
 * A validated series: what the families record through. It checks the
 * number (type, finiteness, range), passes it to the sink's handle and to
 * the threshold windows. Invalid numbers are dropped and reported once per
 * cause; nothing here throws.
 */
export class Series {
  private readonly min: number;
  private readonly max: number;

  constructor(
    private readonly handle: SeriesHandle,
    readonly metric: MetricDefinition,
    private readonly feed: ((value: number) => void) | undefined,
    private readonly state: { closed: boolean },
  ) {
    // Metrics without a declared range still refuse non-finite values.
    this.min = metric.range?.[0] ?? -Number.MAX_VALUE;
    this.max = metric.range?.[1] ?? Number.MAX_VALUE;
  }

  record(value: number): void {
    // One test on the hot path; both comparisons are false for NaN. The
    // reasons for a refusal are worked out out of line, so this method
    // stays small enough for V8 to inline into the families.
    if (
      typeof value === 'number' && value >= this.min && value <= this.max &&
      !this.state.closed
    ) {
      this.handle.record(value);
      if (this.feed !== undefined) this.feed(value);
      return;
    }
    this.refuse(value);
  }

  private refuse(value: unknown): void {
    const reason = this.state.closed
      ? 'after_shutdown'
      : typeof value === 'number' ? 'invalid_value' : 'invalid_type';
    reporter().drop(reason, this.metric.name);
  }
}

/** Creates validated series on a sink, wired to the threshold windows. */
export class Recorder {
  /** Shared with every series: after shutdown they drop and report. */
  readonly state = { closed: false };

  constructor(
    readonly sink: MetricSink,
    private feed?: ThresholdFeed,
  ) {}

  /** Attaches the threshold windows; series bound later are fed. */
  setFeed(feed: ThresholdFeed | undefined): void {
    this.feed = feed;
  }

  series(metric: MetricDefinition, attributes: Attributes): Series {
    const handle = this.sink.instrument(metric).bind(attributes);
    let feed: ((value: number) => void) | undefined;
    try {
      feed = this.feed?.bind(metric.name, attributes);
    } catch {
      feed = undefined;
    }
    return new Series(handle, metric, feed, this.state);
  }

  close(): void {
    this.state.closed = true;
  }
}
