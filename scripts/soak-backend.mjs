#!/usr/bin/env node
// The long failing-backend run (not in CI): a host records ASR+MT+TTS sets
// at a steady rate while a local OTLP endpoint cycles through failures
// (refuse, closed port, hang, slow, 503, 429 with Retry-After, 503 with a
// long Retry-After, garbage, a huge body), then recovers. Prints memory
// slopes after warm-up, export request lifetimes, drop counts, and
// whether data flowed again. Runs on the build output (npm run build).
//
//   node scripts/soak-backend.mjs [--minutes=10] [--rate=50]
import { subscribe } from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import { ensureGc, header, ROOT } from '../bench/support.mjs';

ensureGc(new URL(import.meta.url).pathname);
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.split('=')[1]);
};
const MINUTES = arg('minutes', 10);
const RATE = arg('rate', 50);
const TIMEOUT_MS = 1000;
const { startTelemetry } = await import(`${ROOT}/dist/index.js`);

const FAULTS = ['ok', 'refuse', 'closed', 'hang', 'slow', '503', '429-retry-1',
  '503-retry-120', 'garbage', 'huge'];
let fault = 'ok';
let accepted = 0;
let acceptedAtRecovery = 0;

function handle(req, res) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (fault === 'refuse') return req.socket.destroy();
    if (fault === 'hang') return;
    const status = { '503': 503, '429-retry-1': 429, '503-retry-120': 503 }[fault];
    if (status !== undefined) {
      const retry = { '429-retry-1': '1', '503-retry-120': '120' }[fault];
      res.writeHead(status, retry ? { 'retry-after': retry } : {}).end('busy');
      return;
    }
    const answer = () => {
      if (fault === 'ok' || fault === 'slow') accepted++;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      if (fault === 'garbage') res.end(Buffer.from([0xff, 0xff]));
      else if (fault === 'huge') res.end(Buffer.alloc(6 << 20, 0x41));
      else res.end();
    };
    if (fault === 'slow') setTimeout(answer, 2 * TIMEOUT_MS);
    else answer();
  });
}

let server = createServer(handle);
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
async function setFault(next) {
  if (next === 'closed' && server.listening) {
    await new Promise((r) => { server.close(() => r()); server.closeAllConnections(); });
  } else if (next !== 'closed' && !server.listening) {
    server = createServer(handle);
    await new Promise((r) => server.listen(port, '127.0.0.1', r));
  }
  fault = next;
}

const requests = [];
subscribe('http.client.request.start', ({ request }) => {
  if (!/\/v1\/(metrics|traces)$/.test(request.path)) return;
  const entry = { start: performance.now(), end: undefined };
  requests.push(entry);
  request.once('close', () => { entry.end = performance.now(); });
});
let rejections = 0;
process.on('unhandledRejection', () => rejections++);

const url = `http://127.0.0.1:${port}`;
const t = startTelemetry({
  env: {}, registerGlobal: false,
  otlpMetrics: { url: `${url}/v1/metrics`, timeoutMillis: TIMEOUT_MS },
  otlpTraces: { url: `${url}/v1/traces`, timeoutMillis: TIMEOUT_MS },
  exportIntervalMillis: 2000, exportTimeoutMillis: 2000, shutdownTimeoutMillis: 3000,
});

let sets = 0;
let hostErrors = 0;
const load = setInterval(() => {
  try {
    const asr = t.asr.start({ model: 'whisper-small', language: 'en', streaming: true });
    asr.firstResult();
    asr.end({ audioSeconds: 2, confidence: 0.9, detectedLanguage: 'en' });
    const mt = t.translation.start({ model: 'nllb', sourceLanguage: 'en', targetLanguage: 'de' });
    mt.firstToken();
    mt.end({ inputCharacters: 40, outputCharacters: 44, cacheHit: sets % 3 === 0 });
    const tts = t.tts.start({ model: 'piper', voice: 'amy', language: 'de' });
    tts.firstAudio();
    tts.end({ audioSeconds: 3, characters: 44 });
    sets++;
  } catch {
    hostErrors++;
  }
}, 1000 / RATE);

const samples = [];
const t0 = performance.now();
const sampler = setInterval(() => {
  globalThis.gc();
  const m = process.memoryUsage();
  samples.push({ min: (performance.now() - t0) / 60_000, heap: m.heapUsed, rss: m.rss });
}, 5000);

const totalMs = MINUTES * 60_000;
const phaseMs = Math.max(10_000, (totalMs - 60_000) / (FAULTS.length * 2));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
await sleep(60_000 * Math.min(1, MINUTES / 10)); // warm-up
for (let round = 0; performance.now() - t0 < totalMs - 30_000; round++) {
  await setFault(FAULTS[round % FAULTS.length]);
  await sleep(phaseMs);
}
await setFault('ok');
acceptedAtRecovery = accepted;
await sleep(15_000);
clearInterval(load);
clearInterval(sampler);
const status = t.status().dropped;
const sd = performance.now();
await t.shutdown();
const shutdownMs = performance.now() - sd;
server.close();

function slope(xs, ys) {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let n = 0; let d = 0;
  xs.forEach((x, i) => { n += (x - mx) * (ys[i] - my); d += (x - mx) ** 2; });
  return d === 0 ? 0 : n / d;
}
const steady = samples.filter((s) => s.min >= Math.min(1, MINUTES / 10));
const durations = requests.filter((r) => r.end).map((r) => r.end - r.start).sort((a, b) => a - b);
const q = (p) => durations[Math.min(durations.length - 1, Math.floor(p * durations.length))];
header(`failing backend soak, ${MINUTES} min at ${RATE} sets/s`);
console.log(`sets recorded:            ${sets} (host errors ${hostErrors}, ` +
  `unhandled rejections ${rejections})`);
console.log(`heapUsed slope:           ${(slope(steady.map((s) => s.min),
  steady.map((s) => s.heap / 1024))).toFixed(0)} KB/min after warm-up ` +
  `(${(steady[0].heap / 2 ** 20).toFixed(1)} → ${(steady.at(-1).heap / 2 ** 20).toFixed(1)} MB)`);
console.log(`rss slope:                ${(slope(steady.map((s) => s.min),
  steady.map((s) => s.rss / 1024))).toFixed(0)} KB/min ` +
  `(${(steady[0].rss / 2 ** 20).toFixed(1)} → ${(steady.at(-1).rss / 2 ** 20).toFixed(1)} MB)`);
console.log(`export requests:          ${requests.length}, still open ` +
  `${requests.filter((r) => r.end === undefined).length}`);
console.log(`export duration (ms):     p50 ${q(0.5).toFixed(0)}, p99 ${q(0.99).toFixed(0)}, ` +
  `max ${durations.at(-1).toFixed(0)} (exporter timeout ${TIMEOUT_MS})`);
console.log(`dropped:                  export_failed ${status.export_failed}, ` +
  `queue_full ${status.queue_full}`);
console.log(`accepted after recovery:  ${accepted - acceptedAtRecovery} exports`);
console.log(`shutdown:                 ${shutdownMs.toFixed(0)} ms`);
