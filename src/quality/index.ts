/**
 * Quality scorers equal to sacreBLEU (BLEU, chrF) and jiwer (the WER
 * family). No OpenTelemetry import: this entry point can be used alone.
 *
 * @packageDocumentation
 */
export {};
