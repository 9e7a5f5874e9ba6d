/**
 * `speechmetry demo`: a speech-translation service under load, exporting
 * OTLP to an embedded receiver whose decoded data drives a live view.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTelemetry, type AlertEvent, type SpeechTelemetry } from '../index.js';
import { OtlpReceiver } from '../receiver/index.js';
import { DEMO_LANGUAGES, sentencePairs } from './corpus.js';
import { Figures } from './figures.js';
import { generateLoad, type LoadResult } from './load.js';
import { seeded } from './random.js';
import { renderEvent } from './render.js';
import { DemoService } from './service.js';
import { createSpeechEngine } from './speech-engine.js';
import { renderSummary } from './summary.js';
import { DEMO_THRESHOLDS_YAML } from './thresholds.js';
import { LiveView } from './view.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Seconds of load. Default 30. */
  durationSeconds?: number;
  /** Mean speech-to-speech turns started per second. Default 6. */
  rate?: number;
  /** Seed of the load's randomness. Default: the clock. */
  seed?: number;
  /** Threshold rules file. Default: the bundled demo rules. */
  thresholdsFile?: string;
  /** Use the synthetic waveform even when espeak-ng is installed. Default false. */
  syntheticAudio?: boolean;
  /** Where the view goes. Default `process.stdout`. */
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Environment to read `OTEL_*` from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Runs the demo; resolves to the exit code. */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const out = options.stdout ?? process.stdout;
  const env = options.env ?? process.env;
  const durationMs = (options.durationSeconds ?? 30) * 1000;
  const random = seeded(options.seed ?? Date.now());
  const external = (env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').trim();

  const receiver = external === '' ? await OtlpReceiver.start() : undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'speechmetry-demo-'));
  const thresholdsFile = options.thresholdsFile ?? join(scratch, 'demo-thresholds.yaml');
  if (options.thresholdsFile === undefined) writeFileSync(thresholdsFile, DEMO_THRESHOLDS_YAML);

  const telemetry = startDemoTelemetry(receiver, thresholdsFile, env);
  const figures = new Figures();
  receiver?.onExport((e) => {
    if (e.signal === 'metrics') figures.add(e);
  });
  const engine = createSpeechEngine(random, options.syntheticAudio);
  const startedAt = Date.now();
  const events: AlertEvent[] = [];
  const view = new LiveView(out, figures, telemetry, DEMO_LANGUAGES, startedAt);
  telemetry.thresholds.on('alert', (e) => {
    events.push(e);
    view.log(renderEvent(e, startedAt));
  });

  out.write(intro(durationMs, engine.name, receiver, external));
  view.start();
  let load: LoadResult;
  try {
    const service = new DemoService(telemetry, engine, random, {
      translationSlowdown: {},
      failureRate: 0.01,
    });
    load = await generateLoad(service, sentencePairs(), random, {
      durationMs,
      ratePerSecond: options.rate ?? 6,
      maxInFlight: 64,
      languages: DEMO_LANGUAGES,
      spike: { language: 'de', factor: 6, from: 0.25, to: 0.45 },
    });
  } finally {
    view.stop();
  }

  await telemetry.forceFlush();
  out.write(renderSummary({ figures, load, events, startedAt, receiver, external, telemetry }));
  await telemetry.shutdown();
  await receiver?.close();
  rmSync(scratch, { recursive: true, force: true });
  return 0;
}

function startDemoTelemetry(
  receiver: OtlpReceiver | undefined,
  thresholdsFile: string,
  env: Readonly<Record<string, string | undefined>>,
): SpeechTelemetry {
  const local =
    receiver === undefined
      ? {}
      : {
          metricsExporter: 'otlp' as const,
          tracesExporter: 'otlp' as const,
          otlpMetrics: { url: receiver.endpoint('metrics') },
          otlpTraces: { url: receiver.endpoint('traces') },
        };
  return startTelemetry({
    serviceName: 'speechmetry-demo',
    exportIntervalMillis: 1000,
    thresholdsFile,
    registerGlobal: false,
    env,
    ...local,
  });
}

function intro(
  durationMs: number,
  engine: string,
  receiver: OtlpReceiver | undefined,
  external: string,
): string {
  const target =
    receiver === undefined
      ? `exporting OTLP to ${external} (OTEL_EXPORTER_OTLP_ENDPOINT is set): ` +
        'the figures are in your backend; rule states below are evaluated in-process'
      : `exporting OTLP every second to the embedded receiver at ${receiver.url}`;
  return (
    `speechmetry demo: ${durationMs / 1000}s of speech-to-speech turns en→de/fr/es, ` +
    `TTS by ${engine}\n${target}\n` +
    'a translation latency spike (en→de ×6) runs from 25% to 45% of the run\n\n'
  );
}
