import type { MeterProvider as ApiMeterProvider, Tracer } from '@opentelemetry/api';
import { LanguagePolicy } from '../internal/attributes.js';
import { reporter, DROP_REASONS } from '../internal/report.js';
import type { FamilyContext } from '../families/context.js';
import { Recorder } from '../sink/recorder.js';
import type { MetricSink } from '../sink/types.js';
import type { ScoringScheduler } from '../scoring/types.js';
import { ATTR_DROP_REASON, METRIC_DROPPED, SCOPE_NAME } from '../semconv.js';
import { VERSION } from '../version.js';

/** What the family context is built from, whichever setup path is taken. */
export interface ContextParts {
  sink: MetricSink;
  tracer: Tracer;
  languages?: string[];
  captureContent: boolean;
  contentMaxLength: number;
  scoring: ScoringScheduler | undefined;
  /** True when TTS operations should be submitted for scoring. */
  ttsScoring?: boolean;
  cacheLimit: number;
}

/** Builds the recorder and the context the families share. */
export function buildContext(parts: ContextParts): { ctx: FamilyContext; recorder: Recorder } {
  const recorder = new Recorder(parts.sink);
  const ctx: FamilyContext = {
    recorder,
    tracer: parts.tracer,
    languages: new LanguagePolicy(parts.languages),
    captureContent: parts.captureContent,
    contentMaxLength: parts.contentMaxLength,
    scoring: parts.scoring,
    ttsScoring: parts.ttsScoring ?? false,
    cacheLimit: parts.cacheLimit,
  };
  return { ctx, recorder };
}

/**
 * Exports the drop counts as `speechmetry.dropped{speechmetry.drop.reason}`,
 * read from the reporter at collection time: nothing on the hot path.
 */
export function observeDrops(meterProvider: ApiMeterProvider): void {
  const meter = meterProvider.getMeter(SCOPE_NAME, VERSION);
  const counter = meter.createObservableCounter(METRIC_DROPPED.name, {
    unit: METRIC_DROPPED.unit,
    description: METRIC_DROPPED.description,
  });
  counter.addCallback((result) => {
    const dropped = reporter().dropped();
    for (const reason of DROP_REASONS) {
      result.observe(dropped[reason], { [ATTR_DROP_REASON]: reason });
    }
  });
}
