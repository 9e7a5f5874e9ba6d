/**
 * A speech-synthesis service that streams audio over chunked HTTP,
 * measured with speechmetry on plain `node:http`.
 *
 * GET /speak?text=...&lang=de streams a WAV file as it is produced:
 * through `espeak-ng` when it is installed, a generated tone otherwise.
 * speechmetry records the time to the first audio chunk (what a listener
 * waits for), the whole synthesis, the audio length and the real-time
 * factor.
 *
 * Run after `npm run build`:
 *
 *   OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 node examples/tts-stream.mjs
 *   curl -o hello.wav 'http://127.0.0.1:3002/speak?text=Guten%20Tag&lang=de'
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { startTelemetry } from 'speechmetry';
import { instrumentHandler } from 'speechmetry/http';

const telemetry = startTelemetry({ serviceName: 'tts-service' });

// Yields WAV chunks: espeak-ng's output as it arrives, or a generated tone.
async function* synthesize(text, lang) {
  const child = spawn('espeak-ng', ['-v', lang, '--stdout', text], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const failed = new Promise((resolve) => child.once('error', () => resolve(true)));
  const first = await Promise.race([failed, new Promise((r) => child.stdout.once('readable', r))]);
  if (first === true) {
    yield* tone(Math.max(0.5, text.length / 14));
    return;
  }
  for await (const chunk of child.stdout) yield chunk;
}

async function* tone(seconds) {
  const rate = 16_000;
  const samples = Math.round(seconds * rate);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  yield header;
  for (let start = 0; start < samples; start += rate / 10) {
    const n = Math.min(rate / 10, samples - start);
    const chunk = Buffer.alloc(n * 2);
    for (let i = 0; i < n; i++) {
      const t = (start + i) / rate;
      chunk.writeInt16LE(Math.round(Math.sin(2 * Math.PI * 220 * t) * 12_000), i * 2);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield chunk;
  }
}

async function speak(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const text = url.searchParams.get('text') ?? '';
  const lang = url.searchParams.get('lang') ?? 'en';
  if (url.pathname !== '/speak' || text === '') {
    res.writeHead(404).end();
    return;
  }
  const op = telemetry.tts.start({ model: 'espeak-ng', voice: lang, language: lang });
  const audio = [];
  try {
    res.writeHead(200, { 'content-type': 'audio/wav' });
    for await (const chunk of synthesize(text, lang)) {
      if (audio.length === 0) op.firstAudio();
      audio.push(chunk);
      res.write(chunk);
    }
    res.end();
    op.end({ audio: Buffer.concat(audio), characters: text.length });
  } catch (error) {
    op.fail(error);
    res.destroy();
  }
}

const server = http.createServer(instrumentHandler(speak));
server.listen(Number(process.env.PORT ?? 3002), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    telemetry.shutdown().then(() => process.exit(0));
  });
}
