import type { Attributes } from '@opentelemetry/api';
import type { AlertState } from './types.js';

/**
 * The state of one rule for one attribute group. `step` applies one
 * evaluation and returns the previous state when the state changed.
 *
 * ok → pending when the condition breaks (or straight to firing when the
 * rule has no `for`); pending → firing once the breach lasted `for`;
 * pending → ok when it clears first; firing → resolved when it clears;
 * resolved → ok on the next healthy evaluation, or → pending/firing if it
 * breaks again. Too few samples count as healthy: no data pages nobody.
 */
export class RuleGroup {
  state: AlertState = 'ok';
  since: number;
  value = Number.NaN;
  samples = 0;
  threshold = Number.NaN;
  /** When the current uninterrupted breach began. */
  private breachSince = 0;
  /** Last time a firing notification was sent, ms. */
  lastNotified = 0;
  /** When the group last started firing, ms (for Alertmanager's startsAt). */
  firedAt = 0;

  constructor(
    readonly group: Attributes,
    private readonly forMs: number,
    now: number,
  ) {
    this.since = now;
  }

  step(breached: boolean, now: number): AlertState | undefined {
    const before = this.state;
    let next: AlertState = before;
    if (breached) {
      if (before === 'ok' || before === 'resolved') this.breachSince = now;
      const lasted = now - this.breachSince >= this.forMs;
      if (before !== 'firing') next = lasted ? 'firing' : 'pending';
    } else if (before === 'firing') {
      next = 'resolved';
    } else if (before !== 'ok') {
      next = 'ok';
    }
    if (next === before) return undefined;
    this.state = next;
    this.since = now;
    return before;
  }
}
