import type { BaselineCondition } from './types.js';

/**
 * Smallest standard deviation a baseline uses, relative to its mean. A
 * perfectly steady statistic would otherwise fire on any wobble; 1% is
 * also the quantile sketch's own error, below which a change is noise.
 */
const MIN_RELATIVE_SD = 0.01;

/** Fewest evaluations a baseline needs besides its warm-up time. */
const MIN_OBSERVATIONS = 3;

/**
 * An exponentially weighted mean and variance of a statistic over
 * evaluation ticks. The weight of a past value halves every `halfLifeMs`,
 * so the baseline follows lasting shifts slowly and a sudden departure
 * stands out.
 */
export class Baseline {
  private mean = 0;
  private variance = 0;
  private observations = 0;
  private firstAt = 0;
  private lastAt = 0;

  constructor(private readonly condition: BaselineCondition) {}

  /** Whether the warm-up is over and the bound can be trusted. */
  ready(now: number): boolean {
    return (
      this.observations >= MIN_OBSERVATIONS &&
      now - this.firstAt >= this.condition.warmupMs
    );
  }

  /** The value beyond which the statistic departs from its baseline. */
  bound(): number {
    const sd = Math.max(Math.sqrt(this.variance), Math.abs(this.mean) * MIN_RELATIVE_SD);
    const k = this.condition.sigma * sd;
    return this.condition.direction === 'above' ? this.mean + k : this.mean - k;
  }

  /** Whether `value` departs from the baseline in the rule's direction. */
  departs(value: number): boolean {
    const b = this.bound();
    return this.condition.direction === 'above' ? value > b : value < b;
  }

  /**
   * Folds one evaluated value into the baseline. During the warm-up all
   * values weigh the same (Welford's running variance), so the baseline
   * starts from a real spread; afterwards the weights decay with the
   * half-life.
   */
  update(value: number, now: number): void {
    if (this.observations === 0) this.firstAt = now;
    if (!this.ready(now)) {
      const n = this.observations + 1;
      const diff = value - this.mean;
      this.mean += diff / n;
      this.variance += (diff * (value - this.mean) - this.variance) / n;
    } else {
      const dt = Math.max(0, now - this.lastAt);
      const alpha = 1 - Math.pow(2, -dt / this.condition.halfLifeMs);
      const diff = value - this.mean;
      const step = alpha * diff;
      this.mean += step;
      this.variance = (1 - alpha) * (this.variance + diff * step);
    }
    this.observations++;
    this.lastAt = now;
  }
}
