/**
 * Environment robustness: every supported variable with empty, blank,
 * wrong-type, negative, zero, huge and mixed-case values. Blank means
 * unset (silent); an invalid value warns exactly once, naming the
 * variable, and the default is used; nothing throws.
 */
import * as net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig, type ResolvedConfig } from '../../src/config/resolve.js';
import { configure, settings } from '../../src/correlation/config.js';
import { startTelemetry } from '../../src/setup/start.js';
import { SPEECHMETRY_VARIABLES } from '../../src/config/variables.js';
import { captureOutput, type Capture } from './canaries-output.js';

/** What a value should do: `S` silent default, `W` warn + default, else the value. */
type Outcome = 'S' | 'W' | { value: unknown };
const S = 'S' as const;
const W = 'W' as const;
const is = (value: unknown): Outcome => ({ value });

const BASE = { '': S, ' \t ': S } as const;

function bool(): Record<string, Outcome> {
  return { ...BASE, abc: W, '-5': W, '0': W, '1e400': W, TRUE: is(true), ' False ': is(false) };
}

function num(min: number, max: number, integer: boolean, scale = 1): Record<string, Outcome> {
  const within = (n: number): Outcome => (n >= min && n <= max ? is(n * scale) : W);
  return {
    ...BASE, abc: W, '12abc': W, '-5': within(-5), '0': within(0), '1e400': W,
    '99999999999': within(99999999999), '12.5': integer ? W : within(12.5),
    ' 250 ': within(250),
  };
}

function oneOf(mixed: string, lower: string): Record<string, Outcome> {
  return { ...BASE, abc: W, '-5': W, '0': W, '1e400': W, [mixed]: is(lower) };
}

function text(): Record<string, Outcome> {
  return { ...BASE, abc: is('abc'), ' Mixed Case ': is('Mixed Case') };
}

function keyValues(): Record<string, Outcome> {
  return { ...BASE, abc: W, '=x': W, 'a=%ZZ': W, 'Key=Va%20lue': is({ Key: 'Va lue' }) };
}

function url(onSignal: (u: string) => string): Record<string, Outcome> {
  return {
    ...BASE, abc: W, '-5': W, '0': W, 'ftp://h/x': W,
    'HTTP://Collector.EXAMPLE:4318': is(onSignal('http://collector.example:4318')),
  };
}

interface Row {
  name: string;
  read: (c: ResolvedConfig) => unknown;
  cases: Record<string, Outcome>;
}

const otlp = (s: 'otlpMetrics' | 'otlpTraces') => (c: ResolvedConfig) => c[s];
const rows: Row[] = [
  { name: 'OTEL_SDK_DISABLED', read: (c) => c.disabled, cases: bool() },
  { name: 'OTEL_SERVICE_NAME', read: (c) => c.serviceName, cases: text() },
  { name: 'OTEL_RESOURCE_ATTRIBUTES', read: (c) => c.resourceAttributes, cases: keyValues() },
  {
    name: 'OTEL_METRICS_EXPORTER', read: (c) => c.metricsExporters,
    cases: { ...BASE, abc: W, '0': W, Prometheus: is(['prometheus']), 'NONE': is(['none']) },
  },
  {
    name: 'OTEL_TRACES_EXPORTER', read: (c) => c.tracesExporters,
    cases: { ...BASE, abc: W, prometheus: W, Console: is(['console']) },
  },
  { name: 'OTEL_METRIC_EXPORT_INTERVAL', read: (c) => c.exportIntervalMillis,
    cases: num(1, 2 ** 31 - 1, false) },
  { name: 'OTEL_METRIC_EXPORT_TIMEOUT', read: (c) => c.exportTimeoutMillis,
    cases: num(1, 2 ** 31 - 1, false) },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE', read: (c) => c.temporality,
    cases: oneOf('Delta', 'delta') },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION',
    read: (c) => c.histogramAggregation,
    cases: oneOf('BASE2_Exponential_Bucket_Histogram', 'base2_exponential_bucket_histogram') },
  { name: 'OTEL_EXPORTER_PROMETHEUS_HOST', read: (c) => c.prometheusHost, cases: text() },
  { name: 'OTEL_EXPORTER_PROMETHEUS_PORT', read: (c) => c.prometheusPort,
    cases: num(0, 65535, true) },
  { name: 'SPEECHMETRY_THRESHOLDS', read: (c) => c.thresholdsFile, cases: text() },
  { name: 'SPEECHMETRY_CAPTURE_CONTENT', read: (c) => c.captureContent, cases: bool() },
  { name: 'SPEECHMETRY_CONTENT_MAX_LENGTH', read: (c) => c.contentMaxLength,
    cases: num(1, 1_000_000, true) },
  { name: 'SPEECHMETRY_LANGUAGES', read: (c) => c.languages,
    cases: { ...BASE, ' , ,': S, 'en, DE-at': is(['en', 'DE-at']) } },
  { name: 'SPEECHMETRY_QUALITY_SAMPLE_RATE', read: (c) => c.qualitySampleRate,
    cases: num(0, 1, false) },
  { name: 'SPEECHMETRY_ALERTMANAGER_URL', read: (c) => c.alertmanagerUrl,
    cases: url((u) => `${u}/`) },
  { name: 'SPEECHMETRY_HOST_METRICS', read: (c) => c.hostMetrics, cases: bool() },
  { name: 'SPEECHMETRY_CARDINALITY_LIMIT', read: (c) => c.cardinalityLimit,
    cases: num(2, 1_000_000, true) },
];

const SIGNALS = [
  ['', 'otlpMetrics'], ['METRICS_', 'otlpMetrics'], ['TRACES_', 'otlpTraces'],
] as const;
for (const [infix, side] of SIGNALS) {
  const path = side === 'otlpMetrics' ? 'v1/metrics' : 'v1/traces';
  const pick = <K extends string>(k: K) => (c: ResolvedConfig) =>
    (otlp(side)(c) as unknown as Record<K, unknown>)[k];
  rows.push(
    { name: `OTEL_EXPORTER_OTLP_${infix}ENDPOINT`, read: pick('url'),
      cases: url((u) => (infix === '' ? `${u}/${path}` : `${u}/`)) },
    { name: `OTEL_EXPORTER_OTLP_${infix}HEADERS`, read: pick('headers'), cases: keyValues() },
    { name: `OTEL_EXPORTER_OTLP_${infix}PROTOCOL`, read: pick('protocol'),
      cases: oneOf('HTTP/JSON', 'http/json') },
    { name: `OTEL_EXPORTER_OTLP_${infix}TIMEOUT`, read: pick('timeoutMillis'),
      cases: num(1, 2 ** 31 - 1, false) },
    { name: `OTEL_EXPORTER_OTLP_${infix}COMPRESSION`, read: pick('compression'),
      cases: oneOf('GZip', 'gzip') },
  );
}

const REPORTER = Symbol.for('speechmetry.reporter');
let output: Capture;

beforeEach(() => {
  // A fresh reporter: warn-once state must not carry over between cases.
  delete (globalThis as Record<symbol, unknown>)[REPORTER];
  output = captureOutput();
});

afterEach(() => output.stop());

const DEFAULTS = resolveConfig({}, {});
const cases = rows.flatMap((row) =>
  Object.entries(row.cases).map(([value, outcome]) => ({ row, value, outcome })));

describe('every variable: empty, blank, wrong type, negative, zero, huge, mixed case', () => {
  it.each(cases.map((c) => [c.row.name, JSON.stringify(c.value), c] as const))(
    '%s=%s',
    (_name, _shown, { row, value, outcome }) => {
      let config: ResolvedConfig | undefined;
      expect(() => (config = resolveConfig({}, { [row.name]: value }))).not.toThrow();

      const warnings = output.diag('warn');
      if (outcome === W) {
        expect(warnings, 'one warning').toHaveLength(1);
        expect(warnings[0]).toContain(row.name);
        // Values may be secrets (headers, URLs): warnings never echo them.
        if (/[a-z]{3}/i.test(value)) expect(warnings[0]).not.toContain(value.trim());
      } else {
        expect(warnings).toEqual([]);
      }
      const expected = typeof outcome === 'object' ? outcome.value : row.read(DEFAULTS);
      expect(row.read(config!)).toEqual(expected);
    },
  );

  it('the table covers every SPEECHMETRY_* variable', () => {
    const covered = new Set([...rows.map((r) => r.name),
      'SPEECHMETRY_CORRELATION_HEADER', 'SPEECHMETRY_PROPAGATION_HOSTS']);
    for (const v of SPEECHMETRY_VARIABLES) expect(covered, v.name).toContain(v.name);
  });

  it('scalar warnings name the default that was used', () => {
    resolveConfig({}, { OTEL_METRIC_EXPORT_INTERVAL: '-1', OTEL_EXPORTER_OTLP_PROTOCOL: 'x' });
    const warnings = output.diag('warn');
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).toMatch(/OTEL_EXPORTER_OTLP_PROTOCOL .*default \(http\/protobuf\)/);
    expect(warnings.join('\n')).toMatch(/OTEL_METRIC_EXPORT_INTERVAL .*default \(60000\)/);
  });

  it('grpc warns once, naming the variable, and falls back to http/protobuf', () => {
    const config = resolveConfig({}, { OTEL_EXPORTER_OTLP_PROTOCOL: 'GRPC' });
    expect(config.otlpMetrics.protocol).toBe('http/protobuf');
    expect(config.otlpTraces.protocol).toBe('http/protobuf');
    const warnings = output.diag('warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('OTEL_EXPORTER_OTLP_PROTOCOL');
  });
});

describe('correlation variables', () => {
  afterEach(() => configure({}));

  it.each([
    ['', 'x-correlation-id', 0],
    ['  ', 'x-correlation-id', 0],
    ['bad header', 'x-correlation-id', 1],
    ['X-Request-ID', 'x-request-id', 0],
  ])('SPEECHMETRY_CORRELATION_HEADER=%j', (value, header, warns) => {
    configure({ env: { SPEECHMETRY_CORRELATION_HEADER: value } });
    expect(settings().header).toBe(header);
    const warnings = output.diag('warn');
    expect(warnings).toHaveLength(warns);
    if (warns > 0) expect(warnings[0]).toContain('SPEECHMETRY_CORRELATION_HEADER');
  });

  it.each([['', 0, true], [' ', 0, true], ['api.internal', 0, false],
    ['http://[', 1, false]])('SPEECHMETRY_PROPAGATION_HOSTS=%j', (value, warns, open) => {
    configure({ env: { SPEECHMETRY_PROPAGATION_HOSTS: value } });
    // A bad list fails closed (no host) rather than open: documented.
    expect(settings().hosts === undefined).toBe(open);
    const warnings = output.diag('warn');
    expect(warnings).toHaveLength(warns);
    if (warns > 0) expect(warnings[0]).toContain('SPEECHMETRY_PROPAGATION_HOSTS');
  });
});

describe('startTelemetry reads each OTLP variable once', () => {
  const saved = { ...process.env };
  afterEach(async () => {
    process.env = { ...saved };
    await startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' }).shutdown();
  });

  // The exporters used to read these again from process.env and warn in
  // their own words (test/regression/otlp-env-read-twice.test.ts).
  const names = rows.map((r) => r.name).filter((n) => n.startsWith('OTEL_EXPORTER_OTLP_'));
  it.each(names)('%s=abc: one warning in all output', async (name) => {
    process.env[name] = 'abc';
    process.env.OTEL_METRIC_EXPORT_INTERVAL = '3600000';
    await startTelemetry({ shutdownTimeoutMillis: 100 }).shutdown();

    const naming = output.said.filter((s) => s.text.includes(name));
    expect(naming.map((s) => s.channel)).toEqual(['diag.warn']);
  });
});

describe('OTEL_SDK_DISABLED=true', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens no socket and starts no timer, while every family records', async () => {
    const timers = [
      vi.spyOn(globalThis, 'setTimeout'), vi.spyOn(globalThis, 'setInterval'),
      vi.spyOn(globalThis, 'setImmediate'),
    ];
    const connects = vi.spyOn(net.Socket.prototype, 'connect');
    const listens = vi.spyOn(net.Server.prototype, 'listen');
    const before = process.getActiveResourcesInfo().sort();

    const telemetry = startTelemetry({ env: {
      OTEL_SDK_DISABLED: 'TRUE', OTEL_METRICS_EXPORTER: 'prometheus,otlp',
      SPEECHMETRY_HOST_METRICS: 'true', SPEECHMETRY_THRESHOLDS: '/nonexistent.yaml',
      SPEECHMETRY_ALERTMANAGER_URL: 'http://127.0.0.1:9',
    } });
    for (let i = 0; i < 100; i++) {
      telemetry.asr.start({ model: 'm' }).end({ audioSeconds: 1, transcript: 't' });
      telemetry.translation.start({ model: 'm' }).fail(new Error('x'));
      await telemetry.tts.measure({ model: 'm' }, async (op) => op.end({ characters: 3 }));
      const turn = telemetry.pipeline.start({});
      turn.asr().end();
      turn.end();
    }
    telemetry.thresholds.evaluate();
    const after = process.getActiveResourcesInfo().sort();
    const timerCalls = timers.reduce((n, t) => n + t.mock.calls.length, 0);
    await telemetry.shutdown();

    expect(after).toEqual(before);
    expect(timerCalls).toBe(0);
    expect(connects).not.toHaveBeenCalled();
    expect(listens).not.toHaveBeenCalled();
    expect(output.diag('warn')).toEqual([]);
  });
});
