/**
 * A Fastify translation service measured with speechmetry.
 *
 * POST {"text", "target", "reference"?} to /translate. speechmetry records
 * the duration, input and output sizes and, when a reference is given,
 * sentence BLEU and chrF computed with `speechmetry/quality` (the same
 * scorers as sacreBLEU).
 *
 * Run after `npm run build`:
 *
 *   OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 node examples/fastify-translation.mjs
 *   curl -X POST -H 'content-type: application/json' \
 *     -d '{"text":"Good morning","target":"de","reference":"Guten Morgen"}' \
 *     http://127.0.0.1:3001/translate
 */
import Fastify from 'fastify';
import { startTelemetry } from 'speechmetry';
import { speechmetryPlugin } from 'speechmetry/fastify';
import { sentenceBleu, sentenceChrf } from 'speechmetry/quality';

const telemetry = startTelemetry({ serviceName: 'translation-service' });
const app = Fastify();
await app.register(speechmetryPlugin);

// Stands in for a real model.
const PHRASES = { de: 'Guten Morgen', fr: 'Bonjour', es: 'Buenos días' };
async function translate(text, target) {
  await new Promise((resolve) => setTimeout(resolve, 20 + text.length));
  return PHRASES[target] ?? text;
}

app.post('/translate', async (request, reply) => {
  const { text, target, reference } = request.body ?? {};
  if (typeof text !== 'string' || typeof target !== 'string') {
    return reply.code(400).send({ error: 'text and target are required' });
  }
  const attributes = { model: 'nllb-600m', sourceLanguage: 'en', targetLanguage: target };
  const output = await telemetry.translation.measure(attributes, async (op) => {
    const translated = await translate(text, target);
    op.end({ inputCharacters: text.length, outputCharacters: translated.length });
    return translated;
  });
  if (typeof reference === 'string') {
    // Scored off the response path; sacreBLEU's 0–100 scale.
    setImmediate(() =>
      telemetry.translation.recordQuality(
        {
          bleu: sentenceBleu(output, [reference]).score,
          chrf: sentenceChrf(output, [reference]).score,
        },
        attributes,
      ),
    );
  }
  return { translation: output };
});

const address = await app.listen({ port: Number(process.env.PORT ?? 3001), host: '127.0.0.1' });
console.log(`listening on ${address}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await app.close();
    await telemetry.shutdown();
    process.exit(0);
  });
}
