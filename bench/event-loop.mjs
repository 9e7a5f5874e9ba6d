// Event-loop delay while speechmetry exports the maximum number of series
// (2,000 per metric on the ASR metrics), compared with the same host loop
// without telemetry in the same run. Runs on the build output.
//
//   node bench/event-loop.mjs [--seconds=15]
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { header, ROOT } from './support.mjs';

const arg = process.argv.find((a) => a.startsWith('--seconds='));
const SECONDS = arg ? Number(arg.split('=')[1]) : 15;
const LIMIT = 2000;
const { startTelemetry } = await import(`${ROOT}/dist/index.js`);

let exports = 0;
let bytes = 0;
const server = createServer((req, res) => {
  req.on('data', (c) => { bytes += c.length; });
  req.on('end', () => { exports++; res.writeHead(200).end(); });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}`;

/** The host: a small piece of work every millisecond. */
function hostLoop(record) {
  let i = 0;
  return setInterval(() => {
    for (let k = 0; k < 5; k++) record?.(i++);
  }, 1);
}

async function measure(seconds, record) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  const timer = hostLoop(record);
  // The first exports compile the serialisers (JIT); the figures below
  // are the steady state after them.
  await new Promise((r) => setTimeout(r, 2500));
  h.enable();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  h.disable();
  clearInterval(timer);
  return { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6,
    p999: h.percentile(99.9) / 1e6, max: h.max / 1e6 };
}

header(`event-loop delay while exporting ${LIMIT} series per metric`);
const raw = await measure(SECONDS);

const t = startTelemetry({
  env: {}, registerGlobal: false, tracesExporter: 'none',
  otlpMetrics: { url: `${url}/v1/metrics` },
  exportIntervalMillis: 1000, cardinalityLimit: LIMIT,
});
// Fill every ASR metric to the limit: LIMIT - 1 models plus overflow.
for (let i = 0; i < LIMIT + 100; i++) {
  const op = t.asr.start({ model: `model-${i}`, language: 'en' });
  op.firstResult();
  op.end({ audioSeconds: 2, confidence: 0.8, detectedLanguage: 'en' });
}
const models = LIMIT - 1;
const withTelemetry = await measure(SECONDS, (i) => {
  const op = t.asr.start({ model: `model-${i % models}`, language: 'en' });
  op.firstResult();
  op.end({ audioSeconds: 2, confidence: 0.8, detectedLanguage: 'en' });
});
await t.shutdown();
server.close();

const row = (name, d) => console.log(`| ${name} | ${d.p50.toFixed(2)} | ${d.p99.toFixed(2)} | ` +
  `${d.p999.toFixed(2)} | ${d.max.toFixed(2)} |`);
console.log('| run | p50 ms | p99 ms | p99.9 ms | max ms |');
console.log('| --- | --- | --- | --- | --- |');
row('host loop alone', raw);
row(`host loop + export of ${LIMIT} series/metric every 1 s (after 2.5 s warm-up)`, withTelemetry);
const perExport = bytes / Math.max(1, exports) / 1024;
console.log(`\nexports: ${exports}, ${perExport.toFixed(0)} KiB each; ` +
  `max delay ratio ${(withTelemetry.max / raw.max).toFixed(2)}×, ` +
  `p99 ratio ${(withTelemetry.p99 / raw.p99).toFixed(2)}×`);
