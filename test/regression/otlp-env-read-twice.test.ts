/**
 * Regression: the OTLP exporters read OTEL_EXPORTER_OTLP_* from
 * process.env again, although speechmetry passed the resolved values, so
 * a bad value warned twice in two wordings, and their warning quoted the
 * raw endpoint, credentials included.
 */
import { afterEach, expect, it } from 'vitest';
import { startTelemetry } from '../../src/setup/start.js';
import { captureOutput } from '../reliability/canaries-output.js';

const saved = { ...process.env };

afterEach(async () => {
  process.env = { ...saved };
  await startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' }).shutdown();
});

it('a bad OTLP variable warns once, in speechmetry words, without its value', async () => {
  const output = captureOutput();
  try {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://user:s3cr3t@[bad';
    process.env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT = '-5';
    process.env.OTEL_EXPORTER_OTLP_METRICS_COMPRESSION = 'zstd';
    // Nothing listens on the default endpoint: a short budget.
    await startTelemetry({ shutdownTimeoutMillis: 200 }).shutdown();
  } finally {
    output.stop();
  }

  const warnings = output.diag('warn');
  for (const name of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT',
    'OTEL_EXPORTER_OTLP_METRICS_COMPRESSION']) {
    expect(warnings.filter((w) => w.includes(name)), name).toHaveLength(1);
  }
  expect(output.said.filter((s) => s.text.includes('s3cr3t'))).toEqual([]);
  // The variables are back in place after the exporters were built.
  expect(process.env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://user:s3cr3t@[bad');
});
