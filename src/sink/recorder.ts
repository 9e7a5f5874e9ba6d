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
  bind(metric: string, attributes: Attributes): ((value: number) => void) | undefined;
}

/**
 * A validated series: what the families record through. It checks the
 * number (type, finiteness, range), passes it to the sink's handle and to
 * the threshold windows. Invalid numbers are dropped and reported once per
 * cause; nothing here throws.
 */
export class Series {
  constructor(
    private readonly handle: SeriesHandle,
    readonly metric: MetricDefinition,
    private readonly feed: ((value: number) => void) | undefined,
    private readonly state: { closed: boolean },
  ) {}

  record(value: number): void {
    if (this.state.closed) {
      reporter().drop('after_shutdown', this.metric.name);
      return;
    }
    if (typeof value !== 'number') {
      reporter().drop('invalid_type', this.metric.name);
      return;
    }
    const range = this.metric.range;
    // `!(a <= b)` is also true for NaN, so one comparison pair covers it.
    if (range !== undefined && !(value >= range[0] && value <= range[1])) {
      reporter().drop('invalid_value', this.metric.name);
      return;
    }
    if (range === undefined && !Number.isFinite(value)) {
      reporter().drop('invalid_value', this.metric.name);
      return;
    }
    this.handle.record(value);
    if (this.feed !== undefined) this.feed(value);
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
