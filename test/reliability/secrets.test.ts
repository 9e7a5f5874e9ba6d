/**
 * Secrets: OTLP headers and the Alertmanager URL's credentials, set to
 * canary values, never appear in any output at the most verbose diag
 * level: with a healthy backend, with exports failing against a closed
 * port, and with malformed values.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { startTelemetry } from '../../src/setup/start.js';
import type { AlertEvent } from '../../src/thresholds/index.js';
import { oneRuleFile } from '../helpers/rules.js';
import { captureOutput, occurrences } from './canaries-output.js';

const saved = { ...process.env };

afterEach(async () => {
  process.env = { ...saved };
  await startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' }).shutdown();
});

/** A port that was free a moment ago and has nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function rulesFile(): string {
  return oneRuleFile({
    name: 'mt-errors', metric: 'speech.translation.duration', stat: 'error_ratio',
    condition: '< 0.01', severity: 'critical',
  });
}

/** The secret and the forms it could leak in (percent- and base64-encoded). */
function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64').slice(0, 12)];
}

interface Scenario {
  name: string;
  /** Variables to set; `{port}` and `{closed}` are filled in. */
  env: Record<string, string>;
  secrets: string[];
  /** Headers the receiver must have seen (the secrets are really in use). */
  sent?: Record<string, string>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'healthy backend, Alertmanager down',
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:{port}',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=Zs1GenericKey,x-shared=Zs1Shared',
      OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'x-metrics-key=Zs1MetricsKey',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'authorization=Bearer%20Zs1TracesToken',
      SPEECHMETRY_ALERTMANAGER_URL: 'http://alice:Zs1Password@127.0.0.1:{closed}/am',
    },
    secrets: ['Zs1GenericKey', 'Zs1Shared', 'Zs1MetricsKey', 'Zs1TracesToken', 'Zs1Password',
      'alice:Zs1'],
    sent: { 'x-api-key': 'Zs1GenericKey', 'x-metrics-key': 'Zs1MetricsKey' },
  },
  {
    name: 'every export failing against a closed port',
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://bob:Zs2EndpointPass@127.0.0.1:{closed}',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=Zs2GenericKey',
      OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'x-metrics-key=Zs2MetricsKey',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-traces-key=Zs2TracesKey',
      SPEECHMETRY_ALERTMANAGER_URL: 'https://carol:Zs2Password@127.0.0.1:{closed}',
    },
    secrets: ['Zs2EndpointPass', 'Zs2GenericKey', 'Zs2MetricsKey', 'Zs2TracesKey', 'Zs2Password'],
  },
  {
    name: 'malformed values',
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:{port}',
      OTEL_EXPORTER_OTLP_HEADERS: 'Zs3NoEquals,x-bad=%E0%A4%AZs3BadEscape,=Zs3NoKey',
      OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'x-newline=Zs3Line%0Aevil: Zs3Injected',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'bad header=Zs3SpaceInName',
      SPEECHMETRY_ALERTMANAGER_URL: 'http://dave:Zs3Password@[::1',
    },
    secrets: ['Zs3NoEquals', 'Zs3BadEscape', 'Zs3NoKey', 'Zs3Line', 'Zs3Injected',
      'Zs3SpaceInName', 'Zs3Password'],
  },
  {
    name: 'an Alertmanager URL of the wrong scheme',
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:{port}',
      SPEECHMETRY_ALERTMANAGER_URL: 'ftp://erin:Zs4Password@127.0.0.1:{closed}',
    },
    secrets: ['Zs4Password'],
  },
];

describe.each(SCENARIOS)('secrets: $name', (scenario) => {
  it('never appear in logs, diag, errors, events or status', async () => {
    const receiver = await OtlpReceiver.start();
    const closed = await closedPort();
    const output = captureOutput();
    const seen: unknown[] = [];
    try {
      for (const [key, value] of Object.entries(scenario.env)) {
        process.env[key] = value.replace('{port}', String(receiver.port))
          .replace('{closed}', String(closed));
      }
      process.env.SPEECHMETRY_THRESHOLDS = rulesFile();
      process.env.OTEL_EXPORTER_OTLP_TIMEOUT = '1000';
      const telemetry = startTelemetry({ shutdownTimeoutMillis: 2500 });
      telemetry.thresholds.on('alert', (e: AlertEvent) => seen.push(e));
      const pair = { model: 'm', sourceLanguage: 'en', targetLanguage: 'de' };
      telemetry.translation.start(pair).fail(new Error('boom'));
      telemetry.thresholds.evaluate();
      await telemetry.forceFlush();
      seen.push(telemetry.status(), telemetry.thresholds.status());
      await telemetry.shutdown();
    } catch (error) {
      seen.push(error);
    } finally {
      output.stop();
      await receiver.close();
    }

    const text = [
      ...output.said.map((s) => `${s.channel}: ${s.text}`),
      JSON.stringify(seen, (_k, v: unknown) =>
        (v instanceof Error ? `${v.message} ${v.stack}` : v)),
    ].join('\n');
    for (const secret of scenario.secrets) {
      for (const form of forms(secret)) expect(occurrences(text, form), form).toEqual([]);
    }
    // The verbose level was really on, and the alert really fired.
    expect(output.said.length).toBeGreaterThan(0);
    expect(seen.some((e) => (e as AlertEvent).state === 'firing')).toBe(true);
    if (scenario.sent !== undefined) {
      const headers = receiver.metricsExports()[0]!.headers;
      for (const [k, v] of Object.entries(scenario.sent)) expect(headers[k]).toBe(v);
    }
  });
});
