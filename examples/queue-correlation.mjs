/**
 * One correlation ID across a queue.
 *
 * A gateway transcribes an upload and puts a translation job on a queue;
 * a worker takes the job and translates it. The gateway writes the ID,
 * W3C baggage and trace context into the message headers with
 * `correlation.inject`; the worker continues from them with
 * `correlation.runFrom`. Both spans carry the same
 * `speech.correlation_id`, and the worker's span joins the gateway's trace.
 *
 * Run after `npm run build`:
 *
 *   node examples/queue-correlation.mjs
 *
 * It prints both spans to the console. The queue is in memory; with
 * Kafka, RabbitMQ or SQS the headers object is the message's headers
 * (strings or Buffers both work).
 */
import { pathToFileURL } from 'node:url';
import { correlation, startTelemetry } from 'speechmetry';

/** An in-memory stand-in for a broker: messages with header maps. */
export class MemoryQueue {
  #messages = [];
  #waiting = [];

  /** Enqueues; like Kafka, header values travel as Buffers. */
  publish(headers, body) {
    const wire = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, Buffer.from(String(v))]),
    );
    const message = { headers: wire, body };
    const take = this.#waiting.shift();
    if (take) take(message);
    else this.#messages.push(message);
  }

  /** Resolves with the next message. */
  next() {
    const message = this.#messages.shift();
    if (message) return Promise.resolve(message);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

/**
 * The gateway's request handling: within the request's ID (`inboundId`
 * as an HTTP integration would extract it), transcribe, then enqueue.
 */
export function gatewayRequest(telemetry, queue, inboundId) {
  return correlation.run(inboundId, () =>
    telemetry.asr.measure({ model: 'whisper-small', language: 'en' }, async (op) => {
      const transcript = 'good morning';
      op.end({ audioSeconds: 1.5 });
      // inject() runs inside the ASR span, so the message carries it as
      // the parent of whatever the worker does.
      queue.publish(correlation.inject({}), { text: transcript });
      return correlation.id();
    }),
  );
}

/** The worker: continue the message's correlation and trace, translate. */
export function workerHandle(telemetry, message) {
  return correlation.runFrom(message.headers, () =>
    telemetry.translation.measure(
      { model: 'nllb-600m', sourceLanguage: 'en', targetLanguage: 'de' },
      async (op) => {
        const output = message.body.text === 'good morning' ? 'guten Morgen' : '?';
        op.end({ inputCharacters: message.body.text.length });
        return { id: correlation.id(), output };
      },
    ),
  );
}

async function main() {
  const telemetry = startTelemetry({
    serviceName: 'queue-correlation-example',
    tracesExporter: 'console',
    metricsExporter: 'none',
  });
  const queue = new MemoryQueue();

  const sent = await gatewayRequest(telemetry, queue, 'upload-7f3a');
  const done = await workerHandle(telemetry, await queue.next());

  console.log(`gateway ID ${sent}, worker ID ${done.id}: ${done.output}`);
  await telemetry.shutdown();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
