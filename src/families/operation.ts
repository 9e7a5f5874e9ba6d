import { SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';
import { reporter } from '../internal/report.js';
import type { Series } from '../sink/recorder.js';
import type { QualityScores, ScoringJob } from '../scoring/types.js';
import { ATTR_ERROR_TYPE, EVENT_EVALUATION } from '../semconv.js';
import type { FamilyContext } from './context.js';
import { errorType } from './errors.js';

/** The series every operation records: its duration and its concurrency. */
export interface CoreSeries {
  readonly attributes: Attributes;
  readonly duration: Series;
  /** Concurrency series; the families without one leave it undefined. */
  readonly active: Series | undefined;
  /** Duration series of failures, by `error.type`, bound on first use. */
  readonly failures: Map<string, Series>;
}

/** What `end` passes back: scoring work to run before the span ends. */
export type EndWork = Omit<ScoringJob, 'onScores' | 'onDone'> & {
  record(scores: QualityScores): void;
};

/** Common behaviour of all operations, whatever the family. */
export interface Operation {
  /** The operation's span, for the host's own attributes and events. */
  readonly span: Span;
  /** True once `end` or `fail` was called. */
  readonly ended: boolean;
  /** Fails the operation: records the duration with `error.type`. */
  fail(error?: unknown): void;
}

/**
 * The life of one operation: starts its span and raises the concurrency
 * series at construction, and ends exactly once, through `end` or `fail`.
 * Subclasses record their family's numbers in `finish`. Nothing here
 * throws into the host: a hostile result object is contained and counted.
 */
export abstract class BaseOperation<R> implements Operation {
  private readonly startMs: number;
  private closed = false;
  private marks = 0;

  constructor(
    protected readonly ctx: FamilyContext,
    protected readonly core: CoreSeries,
    readonly span: Span,
    private readonly onClose?: (failed: boolean) => void,
  ) {
    this.startMs = performance.now();
    core.active?.record(1);
  }

  /** Ends the operation with its result. A second end or fail is a no-op. */
  end(result?: R): void {
    if (!this.close('end')) return;
    const seconds = this.elapsed();
    let work: EndWork | undefined;
    try {
      this.core.duration.record(seconds);
      work = this.finish(result ?? ({} as R), seconds);
    } catch {
      reporter().drop('invalid_type', 'operation result');
    }
    this.complete(work, false);
  }

  /** Fails the operation. A second end or fail is a no-op. */
  fail(error?: unknown): void {
    if (!this.close('fail')) return;
    const type = errorType(error);
    this.failureSeries(type).record(this.elapsed());
    try {
      this.span.setAttribute(ATTR_ERROR_TYPE, type);
      this.span.setStatus({ code: SpanStatusCode.ERROR });
      // The exception's type only: its message may carry user content.
      this.span.addEvent('exception', { 'exception.type': type });
    } catch {
      // A span implementation that throws must not reach the host.
    }
    this.complete(undefined, true);
  }

  /** True once `end` or `fail` was called. */
  get ended(): boolean {
    return this.closed;
  }

  /** Seconds since start. */
  protected elapsed(): number {
    return (performance.now() - this.startMs) / 1000;
  }

  /**
   * Records a first-of-its-kind mark (first partial, token or audio) once:
   * the time since start on `series` and an event on the span.
   */
  protected markOnce(bit: number, series: Series, event: string): number | undefined {
    if (this.closed || (this.marks & bit) !== 0) return undefined;
    this.marks |= bit;
    const seconds = this.elapsed();
    series.record(seconds);
    this.span.addEvent(event);
    return seconds;
  }

  /** Records the family's numbers; may return scoring work. */
  protected abstract finish(result: R, seconds: number): EndWork | undefined;

  private close(how: string): boolean {
    if (this.closed) {
      reporter().drop('ended_twice', how);
      return false;
    }
    this.closed = true;
    this.core.active?.record(-1);
    return true;
  }

  private failureSeries(type: string): Series {
    let series = this.core.failures.get(type);
    if (series === undefined) {
      series = this.ctx.recorder.series(this.core.duration.metric, {
        ...this.core.attributes,
        [ATTR_ERROR_TYPE]: type,
      });
      // error.type values come from code, not users, but stay bounded.
      if (this.core.failures.size < 64) this.core.failures.set(type, series);
    }
    return series;
  }

  private complete(work: EndWork | undefined, failed: boolean): void {
    const endTime = performance.timeOrigin + performance.now();
    const endSpan = (): void => {
      try {
        this.span.end(endTime);
      } catch {
        // contained, as above
      }
      this.onClose?.(failed);
    };
    const scoring = this.ctx.scoring;
    if (work === undefined || scoring === undefined) {
      endSpan();
      return;
    }
    // The span stays open until its scores are in, then ends at the time
    // the operation ended, so its duration is the operation's.
    scoring.submit({
      ...work,
      onScores: (scores) => {
        work.record(scores);
        this.span.addEvent(EVENT_EVALUATION, evaluationAttributes(scores));
      },
      onDone: endSpan,
    });
  }
}

function evaluationAttributes(scores: QualityScores): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(scores)) {
    if (typeof value === 'number') out[`speech.evaluation.${key}`] = value;
  }
  return out;
}
