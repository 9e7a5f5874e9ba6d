/**
 * A translation worker that takes jobs from a queue, measured with
 * speechmetry: the queue depth (`speech.queue.size`), each job's
 * translation, and one correlation ID from the producer to the worker.
 *
 * POST {"text", "target"} to /jobs to enqueue; the worker translates in
 * the background. The queue is in memory here; with a broker, the
 * headers object is the message's headers.
 *
 * Run after `npm run build`:
 *
 *   OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 node examples/queue-worker.mjs
 *   curl -X POST -H 'content-type: application/json' \
 *     -d '{"text":"Good morning","target":"fr"}' http://127.0.0.1:3003/jobs
 */
import http from 'node:http';
import { correlation, startTelemetry } from 'speechmetry';
import { instrumentHandler } from 'speechmetry/http';

const telemetry = startTelemetry({ serviceName: 'translation-worker' });
const QUEUE = { model: 'nllb-600m' };
const jobs = [];
let wake = () => {};

function enqueue(body) {
  const headers = correlation.inject({});
  jobs.push({ headers, body });
  telemetry.translation.adjustQueue(1, QUEUE);
  wake();
}

async function work() {
  for (;;) {
    const job = jobs.shift();
    if (job === undefined) {
      await new Promise((resolve) => (wake = resolve));
      continue;
    }
    telemetry.translation.adjustQueue(-1, QUEUE);
    // Continue the producer's correlation ID and trace in the worker.
    await correlation.runFrom(job.headers, () => translate(job.body));
  }
}

async function translate({ text, target }) {
  const attributes = { model: QUEUE.model, sourceLanguage: 'en', targetLanguage: target };
  await telemetry.translation
    .measure(attributes, async (op) => {
      await new Promise((resolve) => setTimeout(resolve, 30 + text.length * 2));
      const output = `[${target}] ${text}`;
      op.end({ inputCharacters: text.length, outputCharacters: output.length });
      console.log(`translated job ${correlation.id()}`);
    })
    .catch(() => {});
}

async function readJson(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return JSON.parse(raw);
}

const server = http.createServer(
  instrumentHandler(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/jobs') return res.writeHead(404).end();
    try {
      const body = await readJson(req);
      if (typeof body.text !== 'string' || typeof body.target !== 'string') throw new Error();
      enqueue(body);
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ queued: jobs.length, correlationId: correlation.id() }));
    } catch {
      res.writeHead(400).end();
    }
  }),
);
server.listen(Number(process.env.PORT ?? 3003), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
void work();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    telemetry.shutdown().then(() => process.exit(0));
  });
}
