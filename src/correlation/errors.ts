/**
 * Thrown once, at setup, by `correlation.configure` when an option
 * supplied in code is invalid. It names the option in `field`. Values
 * read from the environment never throw: they warn once and fall back.
 * @public
 */
export class CorrelationConfigError extends Error {
  /** The option at fault, e.g. `header` or `propagationHosts[2]`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`speechmetry correlation: option "${field}" ${problem}`);
    this.name = 'CorrelationConfigError';
    this.field = field;
  }
}
