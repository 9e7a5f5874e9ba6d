import type { Attributes, Tracer } from '@opentelemetry/api';
import type { LanguagePolicy } from '../internal/attributes.js';
import type { Recorder, Series } from '../sink/recorder.js';
import type { ScoringScheduler } from '../scoring/types.js';
import type { MetricDefinition } from '../semconv.js';

/** What every family shares: where it records and how it treats content. */
export interface FamilyContext {
  readonly recorder: Recorder;
  readonly tracer: Tracer;
  readonly languages: LanguagePolicy;
  readonly captureContent: boolean;
  readonly contentMaxLength: number;
  readonly scoring: ScoringScheduler | undefined;
  /** True when a pluggable scorer takes TTS jobs (MOS prediction). */
  readonly ttsScoring: boolean;
  /** Series sets kept per family before new attribute sets stop being cached. */
  readonly cacheLimit: number;
}

/**
 * Series sets by attribute key. An operation's attribute set is resolved
 * once, at start, to a set of series; operations with the same attributes
 * share it, so a start costs one string key and one map lookup. The map is
 * bounded: past the limit, sets are built per operation (the sink routes
 * them to its overflow series).
 */
export class SeriesSetCache<T> {
  private readonly sets = new Map<string, T>();

  constructor(private readonly limit: number) {}

  get(key: string, build: () => T): T {
    let set = this.sets.get(key);
    if (set === undefined) {
      set = build();
      if (this.sets.size < this.limit) this.sets.set(key, set);
    }
    return set;
  }
}

/** Binds `definition` on `attributes` plus one extra attribute. */
export function seriesWith(
  recorder: Recorder,
  definition: MetricDefinition,
  attributes: Attributes,
  key: string,
  value: string,
): Series {
  return recorder.series(definition, { ...attributes, [key]: value });
}

/** Cuts captured text to `max` code points, never splitting a surrogate pair. */
export function truncateContent(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n++ >= max) break;
    out += ch;
  }
  return out;
}

/** Number of Unicode code points, as Python's `len` counts them. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
