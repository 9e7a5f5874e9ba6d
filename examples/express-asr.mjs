/**
 * An Express speech-recognition service measured with speechmetry.
 *
 * POST a WAV file to /transcribe; the (simulated) recogniser answers with
 * a transcript. speechmetry records the request duration, the audio
 * length read from the WAV header, the real-time factor and the model's
 * confidence, and the correlation middleware gives every request an ID
 * (echoed in `x-correlation-id`).
 *
 * Run after `npm run build`:
 *
 *   OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 node examples/express-asr.mjs
 *   curl -X POST --data-binary @speech.wav -H 'content-type: audio/wav' \
 *     http://127.0.0.1:3000/transcribe
 */
import express from 'express';
import { correlation, startTelemetry } from 'speechmetry';
import { speechmetryMiddleware } from 'speechmetry/express';

const telemetry = startTelemetry({ serviceName: 'asr-service' });
const app = express();
app.use(speechmetryMiddleware());
app.use(express.raw({ type: 'audio/*', limit: '50mb' }));

// Stands in for a real model: about a quarter of real time.
async function recognise(audio) {
  await new Promise((resolve) => setTimeout(resolve, 50 + audio.length / 20_000));
  return { text: 'the train to vienna leaves at seven thirty', confidence: 0.92 };
}

app.post('/transcribe', async (req, res) => {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
    res.status(400).json({ error: 'send audio/wav' });
    return;
  }
  try {
    const result = await telemetry.asr.measure(
      { model: 'whisper-small', language: 'en' },
      async (op) => {
        const r = await recognise(req.body);
        op.end({ audio: req.body, confidence: r.confidence });
        return r;
      },
    );
    res.json({ transcript: result.text, correlationId: correlation.id() });
  } catch {
    res.status(500).json({ error: 'recognition failed' });
  }
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    telemetry.shutdown().then(() => process.exit(0));
  });
}
