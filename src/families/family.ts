import { context, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { stringAttribute } from '../internal/attributes.js';
import { reporter } from '../internal/report.js';
import type { Series } from '../sink/recorder.js';
import {
  ATTR_CORRELATION_ID,
  ATTR_MODEL,
  ATTR_TASK,
  METRIC_COST,
  METRIC_MODEL_LOAD_DURATION,
  METRIC_QUEUE_SIZE,
  METRIC_USER_RATING,
} from '../semconv.js';
import { currentCorrelationId } from '../correlation/context.js';
import { SeriesSetCache, type FamilyContext } from './context.js';
import type { Operation } from './operation.js';

/** The task a family measures, as recorded in `speech.task`. @public */
export type SpeechTask = 'asr' | 'translation' | 'tts' | 'pipeline';

/** Attributes of the shared per-task records. @public */
export interface TaskRecordAttributes {
  /** Model name. */
  model?: string;
}

interface TaskSeries {
  modelLoad: Series;
  cost: Series;
  queue: Series;
  rating: Series;
}

/**
 * What the four families share: span creation with the correlation ID,
 * `measure`, and the records of model loads, cost, queue size and user
 * ratings for their task.
 */
export abstract class FamilyBase<A, O extends Operation> {
  private readonly taskSeries: SeriesSetCache<TaskSeries>;

  constructor(
    protected readonly ctx: FamilyContext,
    protected readonly task: SpeechTask,
  ) {
    this.taskSeries = new SeriesSetCache(ctx.cacheLimit);
  }

  /** Starts an operation; its attribute set is fixed here, once. */
  abstract start(attributes?: A): O;

  /**
   * Runs `fn` inside a new operation and ends it when `fn` settles: with
   * `end()` when `fn` resolves without ending it, with `fail(error)` when
   * it throws (the error is rethrown).
   */
  async measure<T>(attributes: A, fn: (operation: O) => T | Promise<T>): Promise<T> {
    const op = this.start(attributes);
    const ctx = trace.setSpan(context.active(), op.span);
    try {
      const value = await context.with(ctx, () => fn(op));
      if (!op.ended) (op as unknown as { end(): void }).end();
      return value;
    } catch (error) {
      if (!op.ended) op.fail(error);
      throw error;
    }
  }

  /** Records how long loading a model took, in seconds. */
  recordModelLoad(seconds: number, attributes?: TaskRecordAttributes): void {
    this.shared(attributes).modelLoad.record(seconds);
  }

  /** Adds a cost in US dollars. */
  recordCost(usd: number, attributes?: TaskRecordAttributes): void {
    this.shared(attributes).cost.record(usd);
  }

  /** Moves the queue size of this task by `delta` (+1 queued, -1 taken). */
  adjustQueue(delta: number, attributes?: TaskRecordAttributes): void {
    this.shared(attributes).queue.record(delta);
  }

  /** Records a user rating on the 1–5 scale, as given. */
  recordUserRating(rating: number, attributes?: TaskRecordAttributes): void {
    this.shared(attributes).rating.record(rating);
  }

  /** Starts a span for an operation, a child of `parent` or the active context. */
  protected startSpan(name: string, attributes: Attributes, parent?: Context): Span {
    const spanAttributes: Attributes = { ...attributes };
    const id = currentCorrelationId();
    if (id !== undefined) spanAttributes[ATTR_CORRELATION_ID] = id;
    return this.ctx.tracer.startSpan(name, { attributes: spanAttributes },
      parent ?? context.active());
  }

  private shared(attributes: TaskRecordAttributes | undefined): TaskSeries {
    let model: string | undefined;
    try {
      model = stringAttribute(attributes?.model, ATTR_MODEL);
    } catch {
      reporter().drop('invalid_attribute', ATTR_MODEL);
    }
    return this.taskSeries.get(model ?? '', () => {
      const attrs: Attributes = { [ATTR_TASK]: this.task };
      if (model !== undefined) attrs[ATTR_MODEL] = model;
      const r = this.ctx.recorder;
      return {
        modelLoad: r.series(METRIC_MODEL_LOAD_DURATION, attrs),
        cost: r.series(METRIC_COST, attrs),
        queue: r.series(METRIC_QUEUE_SIZE, { [ATTR_TASK]: this.task }),
        rating: r.series(METRIC_USER_RATING, attrs),
      };
    });
  }
}
