import { reporter } from '../internal/report.js';
import type { AlertEvent } from './types.js';

/** A listener of `alert` events; may return a promise. @public */
export type AlertListener = (event: AlertEvent) => unknown;

const WHAT = 'threshold alert listener';

/**
 * The listeners of a monitor. Each is called in its own try/catch; a
 * returned promise is watched, not awaited, so a slow or hung listener
 * never delays evaluation. A throw, a rejection, or a promise that has not
 * settled after `timeoutMs` counts as `listener_failed`.
 */
export class Listeners {
  private readonly list: AlertListener[] = [];
  /** Failed listener calls seen by this monitor. */
  failures = 0;

  constructor(private readonly timeoutMs: number) {}

  add(listener: AlertListener): void {
    if (typeof listener === 'function' && !this.list.includes(listener)) this.list.push(listener);
  }

  remove(listener: AlertListener): void {
    const i = this.list.indexOf(listener);
    if (i >= 0) this.list.splice(i, 1);
  }

  emit(event: AlertEvent): void {
    // A copy: a listener may remove itself while being called.
    for (const listener of this.list.slice()) {
      try {
        const result = listener(event);
        if (isThenable(result)) this.watch(result);
      } catch {
        this.fail('threw');
      }
    }
  }

  private watch(p: PromiseLike<unknown>): void {
    let settled = false;
    const timer = setTimeout(() => {
      if (!settled) this.fail('did not settle');
    }, this.timeoutMs);
    timer.unref?.();
    p.then(
      () => {
        settled = true;
        clearTimeout(timer);
      },
      () => {
        settled = true;
        clearTimeout(timer);
        this.fail('rejected');
      },
    );
  }

  private fail(how: string): void {
    this.failures++;
    reporter().drop('listener_failed', `${WHAT} (${how})`, 'ignored');
  }
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (
    (typeof v === 'object' || typeof v === 'function') &&
    v !== null &&
    typeof (v as { then?: unknown }).then === 'function'
  );
}
