/**
 * Regression: OTEL_METRIC_EXPORT_INTERVAL (and the timeouts) accepted
 * values past Node's timer limit (2^31 - 1 ms), which Node turns into
 * 1 ms: a "huge" interval exported every millisecond. Ports, cardinality
 * limits and content lengths accepted fractions (a port of 8080.5 made
 * the Prometheus endpoint fail to listen).
 */
import { expect, it } from 'vitest';
import { SpeechmetryConfigError } from '../../src/config/options.js';
import { resolveConfig } from '../../src/config/resolve.js';

it('timer values past 2^31 - 1 ms fall back to the default', () => {
  const c = resolveConfig({}, {
    OTEL_METRIC_EXPORT_INTERVAL: '99999999999',
    OTEL_METRIC_EXPORT_TIMEOUT: '2147483648',
    OTEL_EXPORTER_OTLP_TIMEOUT: '1e12',
  });
  expect(c.exportIntervalMillis).toBe(60_000);
  expect(c.exportTimeoutMillis).toBe(30_000);
  expect(c.otlpMetrics.timeoutMillis).toBe(10_000);
  expect(resolveConfig({}, { OTEL_METRIC_EXPORT_INTERVAL: '2147483647' }).exportIntervalMillis)
    .toBe(2_147_483_647);
});

it('code options past the timer limit throw at setup', () => {
  expect(() => resolveConfig({ exportIntervalMillis: 3e9 }, {})).toThrow(SpeechmetryConfigError);
  expect(() => resolveConfig({ shutdownTimeoutMillis: 3e9 }, {})).toThrow(SpeechmetryConfigError);
});

it('whole-number variables refuse fractions', () => {
  const c = resolveConfig({}, {
    OTEL_EXPORTER_PROMETHEUS_PORT: '8080.5',
    SPEECHMETRY_CARDINALITY_LIMIT: '10.5',
    SPEECHMETRY_CONTENT_MAX_LENGTH: '3.2',
  });
  expect([c.prometheusPort, c.cardinalityLimit, c.contentMaxLength]).toEqual([9464, 2000, 256]);
});
