import { diag, type DiagLogger } from '@opentelemetry/api';

/**
 * Why a value or an action was dropped. One list, so the self-metrics,
 * the status call and the warnings agree.
 */
export const DROP_REASONS = [
  'invalid_value',
  'invalid_type',
  'invalid_attribute',
  'ended_twice',
  'after_shutdown',
  'overflow',
  'queue_full',
  'export_failed',
  'scorer_failed',
  'listener_failed',
  'invalid_correlation_id',
] as const;

/** A reason from {@link DROP_REASONS}. */
export type DropReason = (typeof DROP_REASONS)[number];

/** How long one cause stays quiet after it warned, in milliseconds. */
export const WARN_INTERVAL_MS = 60_000;

interface Cause {
  lastWarn: number;
  suppressed: number;
}

/**
 * The component logger and drop accounting shared by every part of
 * speechmetry. A cause (reason plus key) warns at most once per interval;
 * the next warning says how many were suppressed in between. Messages name
 * the problem, the key and what was done instead, never user content.
 */
export class Reporter {
  readonly logger: DiagLogger;
  private readonly counts = new Map<DropReason, number>();
  private readonly causes = new Map<string, Cause>();
  private readonly maxCauses = 1000;

  constructor(
    component = 'speechmetry',
    private readonly now: () => number = Date.now,
  ) {
    this.logger = diag.createComponentLogger({ namespace: component });
  }

  /** Counts a dropped value and warns once per cause per interval. */
  drop(reason: DropReason, key: string, action = 'dropped'): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    this.warnOnce(`${reason}:${key}`, () => `${describe(reason)} for ${key}; ${action}`);
  }

  /** Warns once per interval for a cause that is not a drop. */
  warnOnce(cause: string, message: () => string): void {
    const t = this.now();
    let entry = this.causes.get(cause);
    if (entry === undefined) {
      if (this.causes.size >= this.maxCauses) this.causes.clear();
      entry = { lastWarn: -Infinity, suppressed: 0 };
      this.causes.set(cause, entry);
    }
    if (t - entry.lastWarn < WARN_INTERVAL_MS) {
      entry.suppressed++;
      return;
    }
    const suffix =
      entry.suppressed > 0 ? ` (${entry.suppressed} more since the last warning)` : '';
    entry.lastWarn = t;
    entry.suppressed = 0;
    try {
      this.logger.warn(message() + suffix);
    } catch {
      // A host's diag logger that throws must not reach the recording path.
    }
  }

  /** Drop counts by reason, for the status call and the self-metrics. */
  dropped(): Record<DropReason, number> {
    const out = {} as Record<DropReason, number>;
    for (const reason of DROP_REASONS) out[reason] = this.counts.get(reason) ?? 0;
    return out;
  }
}

function describe(reason: DropReason): string {
  switch (reason) {
    case 'invalid_value':
      return 'invalid value (NaN, infinite, negative or out of range)';
    case 'invalid_type':
      return 'value of the wrong type';
    case 'invalid_attribute':
      return 'invalid attribute value';
    case 'ended_twice':
      return 'operation ended more than once';
    case 'after_shutdown':
      return 'recording after shutdown';
    case 'overflow':
      return 'cardinality limit reached';
    case 'queue_full':
      return 'queue full';
    case 'export_failed':
      return 'export failed';
    case 'scorer_failed':
      return 'scorer failed';
    case 'listener_failed':
      return 'listener failed';
    case 'invalid_correlation_id':
      return 'invalid correlation ID';
  }
}

const REPORTER_KEY = Symbol.for('speechmetry.reporter');

/**
 * The process-wide reporter. Kept on `globalThis` so the ESM and CommonJS
 * builds, loaded side by side, count into one place.
 */
export function reporter(): Reporter {
  const g = globalThis as { [REPORTER_KEY]?: Reporter };
  return (g[REPORTER_KEY] ??= new Reporter());
}
