import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { waveform } from '../../src/demo/speech-engine.js';
import { seeded } from '../../src/demo/random.js';
import { OtlpReceiver, pointsOf } from '../../src/receiver/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = existsSync(`${ROOT}dist/index.js`);

let child: ChildProcess | undefined;
let receiver: OtlpReceiver | undefined;
afterEach(async () => {
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
  await receiver?.close();
});

// Starts an example against a fresh receiver; resolves with its base URL.
async function start(example: string): Promise<string> {
  receiver = await OtlpReceiver.start();
  child = spawn(process.execPath, [`examples/${example}`], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_METRIC_EXPORT_INTERVAL: '300',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child!.stdout!.on('data', (c: Buffer) => {
      stdout += c;
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`${example} exited ${code}: ${stderr}`)));
  });
}

async function histogramCount(metric: string): Promise<number> {
  await receiver!.waitFor((r) => {
    const [p] = pointsOf(r.lastMetric(metric), 'histogram');
    return p !== undefined && p.count > 0;
  });
  return pointsOf(receiver!.lastMetric(metric), 'histogram')[0]!.count;
}

// The examples import 'speechmetry', which resolves to dist/ through the
// package's exports: skipped until `npm run build` ran (CI builds first).
describe.skipIf(!BUILT)('examples (need dist/: run npm run build first)', () => {
  it('express-asr.mjs records recognition with audio length from the WAV', async () => {
    const url = await start('express-asr.mjs');
    const wav = waveform(2, seeded(1));
    const res = await fetch(`${url}/transcribe`, {
      method: 'POST',
      headers: { 'content-type': 'audio/wav', 'x-correlation-id': 'smoke-1' },
      body: wav,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe('smoke-1');
    expect(await histogramCount('speech.asr.duration')).toBe(1);
    await receiver!.waitFor((r) => r.lastMetric('speech.asr.audio.duration') !== undefined);
    const [audio] = pointsOf(receiver!.lastMetric('speech.asr.audio.duration'), 'histogram');
    expect(audio!.sum).toBeCloseTo(2, 6);
    expect(audio!.attributes).toMatchObject({ 'speech.model': 'whisper-small' });
    await receiver!.waitFor((r) => r.spans().some((s) => s.name.startsWith('asr')));
  });

  it('fastify-translation.mjs records duration and BLEU/chrF', async () => {
    const url = await start('fastify-translation.mjs');
    const res = await fetch(`${url}/translate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'Good morning',
        target: 'de',
        reference: 'Guten Morgen zusammen',
      }),
    });
    expect(await res.json()).toEqual({ translation: 'Guten Morgen' });
    expect(await histogramCount('speech.translation.duration')).toBe(1);
    await histogramCount('speech.translation.quality.bleu');
    const [bleu] = pointsOf(receiver!.lastMetric('speech.translation.quality.bleu'), 'histogram');
    // Two of three words, no trigram: sacreBLEU's sentence BLEU with
    // effective order is 100 * sqrt(1 * 1) * BP(2/3) = 60.65.
    expect(bleu!.sum).toBeCloseTo(0.6065, 4);
    expect(bleu!.attributes).toMatchObject({ 'speech.target_language': 'de' });
  });

  it('tts-stream.mjs streams audio and records time to first audio', async () => {
    const url = await start('tts-stream.mjs');
    const res = await fetch(`${url}/speak?text=Guten%20Tag&lang=de`);
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(body.subarray(0, 4).toString()).toBe('RIFF');
    expect(await histogramCount('speech.tts.time_to_first_audio')).toBe(1);
    await histogramCount('speech.tts.real_time_factor');
    const [audio] = pointsOf(receiver!.lastMetric('speech.tts.audio.duration'), 'histogram');
    expect(audio!.sum).toBeGreaterThan(0.3);
  });

  it('queue-worker.mjs records queue depth and the worker translation', async () => {
    const url = await start('queue-worker.mjs');
    const res = await fetch(`${url}/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'job-42' },
      body: JSON.stringify({ text: 'Good morning', target: 'fr' }),
    });
    expect(res.status).toBe(202);
    expect(await histogramCount('speech.translation.duration')).toBe(1);
    await receiver!.waitFor((r) => r.lastMetric('speech.queue.size') !== undefined);
    const [depth] = pointsOf(receiver!.lastMetric('speech.queue.size'), 'sum');
    expect(depth!.value).toBe(0);
    await receiver!.waitFor((r) =>
      r.spans().some((s) => s.attributes['speech.correlation_id'] === 'job-42'),
    );
  });

  it('otel-sdk-host.mjs exports speechmetry metrics through the host SDK', async () => {
    const url = await start('otel-sdk-host.mjs');
    const res = await fetch(`${url}/translate?target=es`, { method: 'POST', body: 'Hello' });
    expect(await res.text()).toBe('[es] Hello');
    expect(await histogramCount('speech.translation.duration')).toBe(1);
    const metric = receiver!.lastMetric('speech.translation.duration')!;
    expect(metric.resource.attributes['service.name']).toBe('sdk-host');
  });
});
