import { describe, expect, it } from 'vitest';
import { SpeechmetryConfigError } from '../../src/config/options.js';
import { resolveConfig } from '../../src/config/resolve.js';

describe('resolveConfig', () => {
  it('uses the specification defaults when nothing is set', () => {
    const c = resolveConfig({}, {});
    expect(c.metricsExporters).toEqual(['otlp']);
    expect(c.tracesExporters).toEqual(['otlp']);
    expect(c.otlpMetrics.url).toBe('http://localhost:4318/v1/metrics');
    expect(c.otlpTraces.url).toBe('http://localhost:4318/v1/traces');
    expect(c.otlpMetrics.protocol).toBe('http/protobuf');
    expect(c.exportIntervalMillis).toBe(60_000);
    expect(c.exportTimeoutMillis).toBe(30_000);
    expect(c.temporality).toBe('cumulative');
    expect(c.prometheusPort).toBe(9464);
    expect(c.disabled).toBe(false);
  });

  it('appends signal paths to the generic endpoint, not to specific ones', () => {
    const c = resolveConfig({}, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9999/custom',
    });
    expect(c.otlpMetrics.url).toBe('http://collector:4318/v1/metrics');
    expect(c.otlpTraces.url).toBe('http://traces:9999/custom');
  });

  it('reads headers, signal-specific winning, and percent-decodes them', () => {
    const c = resolveConfig({}, {
      OTEL_EXPORTER_OTLP_HEADERS: 'api-key=a%20b,tenant=one',
      OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'tenant=two',
    });
    expect(c.otlpMetrics.headers).toEqual({ 'api-key': 'a b', tenant: 'two' });
    expect(c.otlpTraces.headers).toEqual({ 'api-key': 'a b', tenant: 'one' });
  });

  it('treats blank as unset and code options as winning over the environment', () => {
    const c = resolveConfig({ exportIntervalMillis: 1000, serviceName: 'code' }, {
      OTEL_METRIC_EXPORT_INTERVAL: '5000',
      OTEL_SERVICE_NAME: '   ',
      OTEL_METRICS_EXPORTER: 'Prometheus, console',
    });
    expect(c.exportIntervalMillis).toBe(1000);
    expect(c.serviceName).toBe('code');
    expect(c.metricsExporters).toEqual(['prometheus', 'console']);
  });

  it('falls back to defaults on bad environment values', () => {
    const c = resolveConfig({}, {
      OTEL_METRIC_EXPORT_INTERVAL: '-5',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'carrier-pigeon',
      OTEL_SDK_DISABLED: 'yes please',
      SPEECHMETRY_QUALITY_SAMPLE_RATE: '3',
    });
    expect(c.exportIntervalMillis).toBe(60_000);
    expect(c.otlpMetrics.protocol).toBe('http/protobuf');
    expect(c.disabled).toBe(false);
    expect(c.qualitySampleRate).toBe(1);
  });

  it('throws a typed error naming the field for bad code options', () => {
    const cases: [object, string][] = [
      [{ exportIntervalMillis: 0 }, 'exportIntervalMillis'],
      [{ metricsExporter: 'zipkin' }, 'metricsExporter'],
      [{ otlpMetrics: { url: 'ftp://x' } }, 'otlpMetrics.url'],
      [{ qualitySampleRate: 2 }, 'qualitySampleRate'],
      [{ cardinalityLimit: Number.NaN }, 'cardinalityLimit'],
    ];
    for (const [options, field] of cases) {
      let caught: unknown;
      try {
        resolveConfig(options, {});
      } catch (error) {
        caught = error;
      }
      expect(caught, field).toBeInstanceOf(SpeechmetryConfigError);
      expect((caught as SpeechmetryConfigError).field).toBe(field);
    }
  });
});
