/**
 * Content canaries: a thousand transcripts, translations, references and
 * TTS inputs, each carrying a unique marker, go through every API. By
 * default no marker may leave the process in any form; with content
 * capture on, the captured texts may appear only in `speech.content.*`
 * span attributes, cut to the configured length.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { correlation } from '../../src/correlation/index.js';
import { codePointLength } from '../../src/families/context.js';
import { OtlpReceiver } from '../../src/receiver/index.js';
import type { OtlpValue, ReceivedSpan } from '../../src/receiver/types.js';
import { startTelemetry } from '../../src/setup/start.js';
import type { SpeechTelemetry } from '../../src/telemetry.js';
import type { AlertEvent } from '../../src/thresholds/index.js';
import { captureOutput, occurrences, type Capture } from './canaries-output.js';
import { oneRuleFile } from '../helpers/rules.js';

const ITERATIONS = 1000;
const MAX_LENGTH = 48;
/** Starts a text that content capture may keep (its head). */
const HEAD = 'Kq7X';
/** Marks text that must never leave the process, whatever the settings. */
const NEVER = 'Kq7Y';
const PAIR = { model: 'nllb-600m', sourceLanguage: 'en', targetLanguage: 'de' };

/** A text with a keepable head canary and a tail past the length limit. */
function text(kind: string, i: number): string {
  return `${HEAD}${kind}${i}q words of a user that nobody may read ` +
    `${'x'.repeat(MAX_LENGTH)} ${NEVER}${kind}${i}tail`;
}

/** Text that is never captured (references, error messages, IDs). */
function secret(kind: string, i: number): string {
  return `${NEVER}${kind}${i}q private words`;
}

function rulesFile(): string {
  return oneRuleFile({
    name: 'mt-errors', metric: 'speech.translation.duration', stat: 'error_ratio',
    condition: '< 0.01', severity: 'high', groupBy: ['speech.model'],
  });
}

interface Run {
  spansCreated: number;
  unexpected: unknown[];
  alerts: AlertEvent[];
  correlationOut: unknown[];
  status: unknown[];
}

/** Runs `fn`, keeping anything it throws that is not `expected`. */
async function guarded(run: Run, fn: () => unknown, expected?: unknown): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (error !== expected) run.unexpected.push(error);
  }
}

async function iteration(t: SpeechTelemetry, i: number, run: Run): Promise<void> {
  const hostile = { model: 'whisper-small', transcript: text('attr', i) } as never;
  await guarded(run, () => t.asr.start(hostile).end({
    audioSeconds: 2, transcript: text('asr', i), reference: text('ref', i),
    detectedLanguage: secret('lang', i), confidence: secret('conf', i) as never,
  }));
  await guarded(run, () => t.translation.measure(PAIR, async (op) => {
    op.firstToken();
    op.end({ input: text('in', i), output: text('out', i), references: [secret('refs', i)] });
  }));
  await guarded(run, () => t.tts.start({ model: 'piper', voice: 'amy' })
    .end({ text: text('tts', i), audioSeconds: secret('audio', i) as never }));
  await guarded(run, () => t.translation.recordQuality(
    { bleu: secret('bleu', i) as never, comet: 0.8, note: secret('q', i) } as never, PAIR));
  run.spansCreated += 3;

  if (i % 5 === 0) await failures(t, i, run);
  if (i % 10 === 0) await turn(t, i, run);
  if (i % 4 === 0) await correlated(t, i, run);
}

async function failures(t: SpeechTelemetry, i: number, run: Run): Promise<void> {
  await guarded(run, () =>
    t.asr.start({ model: 'whisper-small' }).fail(new Error(secret('fail', i))));
  const error = Object.assign(new Error(secret('mt', i)), { name: secret('name', i) });
  await guarded(run, () => t.translation.measure(PAIR, () => {
    throw error;
  }), error);
  const reason = secret('str', i);
  await guarded(run, () => t.tts.measure({ model: 'piper' }, () => Promise.reject(reason)), reason);
  run.spansCreated += 3;
}

async function turn(t: SpeechTelemetry, i: number, run: Run): Promise<void> {
  await guarded(run, () => {
    const p = t.pipeline.start({ sourceLanguage: 'en', targetLanguage: 'de' });
    p.asr({ model: 'whisper-small' })
      .end({ transcript: text('pasr', i), reference: text('pref', i) });
    p.translation({ model: 'nllb-600m' }).end({ input: text('pin', i), output: text('pout', i) });
    const s = p.tts({ model: 'piper', voice: 'amy' });
    s.firstAudio();
    s.end({ text: text('ptts', i), audioSeconds: 1 });
    p.end();
  });
  run.spansCreated += 4;
}

async function correlated(t: SpeechTelemetry, i: number, run: Run): Promise<void> {
  const bad = secret('id', i);
  await guarded(run, () => correlation.run(bad, async () => {
    const headers: Record<string, string> = {};
    correlation.inject(headers);
    run.correlationOut.push(headers, correlation.id(), correlation.logFields());
    const sent: unknown[] = [];
    const fetchWithId = correlation.wrapFetch((async (_url: unknown, init: unknown) => {
      sent.push(init);
      return new Response('');
    }) as typeof fetch);
    await fetchWithId('http://127.0.0.1:9/x', { headers: { a: 'b' } });
    run.correlationOut.push(sent);
    t.tts.start({ model: 'piper' }).end({ text: text('ctts', i) });
  }));
  await guarded(run, () => {
    run.correlationOut.push(correlation.extract({ 'x-correlation-id': bad }));
    return correlation.runFrom({ 'x-correlation-id': bad }, () =>
      t.asr.start({ model: 'whisper-small' }).end({ transcript: text('casr', i) }));
  });
  run.spansCreated += 2;
}

interface Harvest {
  capture: Capture;
  receiver: OtlpReceiver;
  run: Run;
}

async function harvest(protocol: string, capture: boolean): Promise<Harvest> {
  const receiver = await OtlpReceiver.start({ keepBodies: true, maxExports: 100_000 });
  const output = captureOutput();
  const run: Run = { spansCreated: 0, unexpected: [], alerts: [], correlationOut: [], status: [] };
  try {
    const telemetry = startTelemetry({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_EXPORTER_OTLP_COMPRESSION: protocol === 'http/json' ? 'gzip' : 'none',
        SPEECHMETRY_THRESHOLDS: rulesFile(),
        SPEECHMETRY_CAPTURE_CONTENT: capture ? 'TRUE' : '',
        SPEECHMETRY_CONTENT_MAX_LENGTH: String(MAX_LENGTH),
      },
    });
    telemetry.thresholds.on('alert', (e) => run.alerts.push(e));
    for (let i = 0; i < ITERATIONS; i++) {
      await iteration(telemetry, i, run);
      // Keeps the span queue (2048) from dropping what the test searches.
      if (i % 200 === 199) {
        telemetry.thresholds.evaluate();
        await telemetry.forceFlush();
      }
    }
    run.status.push(telemetry.status(), telemetry.thresholds.status());
    await telemetry.shutdown();
  } finally {
    output.stop();
    await receiver.close();
  }
  return { capture: output, receiver, run };
}

function json(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

function bodies(receiver: OtlpReceiver, signal: 'metrics' | 'traces'): string {
  const exports = signal === 'metrics' ? receiver.metricsExports() : receiver.traceExports();
  expect(exports.every((e) => e.body !== undefined)).toBe(true);
  return exports.map((e) => e.body!.toString('latin1')).join('\n');
}

/** Everything but the OTLP payloads, as one searchable text. */
function sideChannels(h: Harvest): string {
  return [
    ...h.capture.said.map((s) => `${s.channel}: ${s.text}`),
    ...h.run.unexpected.map((e) =>
      (e instanceof Error ? `${e.name} ${e.message} ${e.stack}` : json(e))),
    json(h.run.alerts),
    json(h.run.correlationOut),
    json(h.run.status),
  ].join('\n');
}

function expectAbsent(where: string, haystack: string, marker: string): void {
  expect(occurrences(haystack, marker), `${marker} in ${where}`).toEqual([]);
}

function expectDelivered(h: Harvest): void {
  expect(h.run.unexpected).toEqual([]);
  expect(h.receiver.spans().length).toBe(h.run.spansCreated);
  expect(h.receiver.metrics('speech.asr.duration').length).toBeGreaterThan(0);
  expect(h.run.alerts.length).toBeGreaterThan(0);
}

const PROTOCOLS = ['http/protobuf', 'http/json'] as const;

afterEach(() => {
  // A failed run must not leave its instance running for the next one.
  return startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' }).shutdown();
});

describe.each(PROTOCOLS)('content canaries over %s', (protocol) => {
  it('with default settings, no canary leaves the process in any form', async () => {
    const h = await harvest(protocol, false);

    expectDelivered(h);
    for (const marker of [HEAD, NEVER]) {
      expectAbsent('metrics bodies', bodies(h.receiver, 'metrics'), marker);
      expectAbsent('trace bodies', bodies(h.receiver, 'traces'), marker);
      expectAbsent('decoded spans', json(h.receiver.spans()), marker);
      expectAbsent('decoded metrics', json(h.receiver.metrics()), marker);
      const headers = h.receiver.traceExports().map((e) => e.headers);
      expectAbsent('request headers', json(headers), marker);
      expectAbsent('logs, errors and events', sideChannels(h), marker);
    }
    // The search is real: the verbose diag level did produce output.
    expect(h.capture.said.length).toBeGreaterThan(0);
  });

  it('with capture on, canaries appear only in speech.content.*, truncated', async () => {
    const h = await harvest(protocol, true);

    expectDelivered(h);
    const captured = contentValues(h.receiver.spans());
    // asr (2) + translation (2) + tts (1) per iteration, plus turns and
    // the correlated operations.
    expect(captured.length).toBe(ITERATIONS * 5 + (ITERATIONS / 10) * 5 + (ITERATIONS / 4) * 2);
    for (const value of captured) {
      expect(codePointLength(value)).toBeLessThanOrEqual(MAX_LENGTH);
      expect(value.startsWith(HEAD)).toBe(true);
    }
    const traces = bodies(h.receiver, 'traces');
    expect(occurrences(traces, HEAD).length).toBe(captured.length);
    expectAbsent('trace bodies', traces, NEVER);
    for (const marker of [HEAD, NEVER]) {
      expectAbsent('metrics bodies', bodies(h.receiver, 'metrics'), marker);
      expectAbsent('decoded metrics', json(h.receiver.metrics()), marker);
      expectAbsent('logs, errors and events', sideChannels(h), marker);
    }
  });
});

/** Captured values, failing on any canary outside `speech.content.*`. */
function contentValues(spans: ReceivedSpan[]): string[] {
  const out: string[] = [];
  const visit = (where: string, key: string, value: OtlpValue): void => {
    const s = json(value);
    if (!s.includes(HEAD) && !s.includes(NEVER)) return;
    expect(key, `${where} ${key}`).toMatch(/^speech\.content\./);
    expect(typeof value).toBe('string');
    out.push(value as string);
  };
  for (const span of spans) {
    const rest = [span.name, span.status, span.resource, span.scope, span.links];
    expect(json(rest)).not.toContain('Kq7');
    for (const [k, v] of Object.entries(span.attributes)) visit(span.name, k, v);
    for (const event of span.events) {
      expect(event.name).not.toContain('Kq7');
      const where = `${span.name}/${event.name}`;
      for (const [k, v] of Object.entries(event.attributes)) visit(where, k, v);
    }
  }
  return out;
}
