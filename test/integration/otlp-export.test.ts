import { afterEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { oneRuleFile } from '../helpers/rules.js';
import type { ReceivedMetric } from '../../src/receiver/types.js';
import { startTelemetry } from '../../src/setup/start.js';
import { METRICS, METRIC_TRANSLATION_DURATION } from '../../src/semconv.js';
import { VERSION } from '../../src/version.js';

const PROTOCOLS = ['http/protobuf', 'http/json'] as const;
const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
});

/** A rule that fires on the first evaluation, so the self-metrics appear. */
function rulesFile(): string {
  return oneRuleFile({
    name: 'mt-latency-max', metric: 'speech.translation.duration', stat: 'max',
    condition: '< 1ms', severity: 'high',
  });
}

async function driveEverything(telemetry: ReturnType<typeof startTelemetry>) {
  const asr = telemetry.asr.start({ model: 'whisper-small', language: 'en', streaming: true });
  asr.firstResult();
  asr.end({ audioSeconds: 4, confidence: 0.9, detectedLanguage: 'de' });
  telemetry.asr.recordErrorRates({ wer: 0.1, cer: 0.05 }, { model: 'whisper-small', language: 'en' });

  const pair = { model: 'nllb-600m', sourceLanguage: 'en', targetLanguage: 'de' };
  await telemetry.translation.measure(pair, async (op) => {
    await new Promise((r) => setTimeout(r, 5));
    op.firstToken();
    op.end({ inputCharacters: 12, outputCharacters: 14, cacheHit: true });
  });
  await expect(telemetry.translation.measure(pair, async () => {
    throw Object.assign(new Error('x'), { code: 'ECONNRESET' });
  })).rejects.toThrow();
  telemetry.translation.recordQuality({ bleu: 40, chrf: 60, comet: 0.8 }, pair);

  const turn = telemetry.pipeline.start({ sourceLanguage: 'en', targetLanguage: 'de' });
  turn.asr({ model: 'whisper-small' }).end({ audioSeconds: 2 });
  turn.translation({ model: 'nllb-600m' }).end({ inputCharacters: 10 });
  const tts = turn.tts({ model: 'piper', voice: 'amy' });
  tts.firstAudio();
  tts.end({ audioSeconds: 3.2, characters: 48, naturalness: 4 });
  turn.end();

  telemetry.tts.recordModelLoad(1.5, { model: 'piper' });
  telemetry.tts.adjustQueue(2);
  telemetry.translation.recordCost(0.01, { model: 'nllb-600m' });
  telemetry.pipeline.recordUserRating(4);
  telemetry.asr.start({}).end({ confidence: Number.NaN });
  telemetry.thresholds.evaluate();
}

describe.each(PROTOCOLS)('OTLP export over %s, configured by environment only', (protocol) => {
  it('delivers every declared metric with its unit, attributes and buckets, and the spans', async () => {
    const receiver = await OtlpReceiver.start();
    try {
      process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${receiver.port}`;
      process.env.OTEL_EXPORTER_OTLP_PROTOCOL = protocol;
      process.env.OTEL_SERVICE_NAME = 'otlp-test';
      process.env.OTEL_RESOURCE_ATTRIBUTES = 'deployment.environment=test';
      process.env.SPEECHMETRY_THRESHOLDS = rulesFile();
      const telemetry = startTelemetry();
      await driveEverything(telemetry);
      await telemetry.shutdown();

      const exports = receiver.metricsExports();
      expect(exports.length).toBeGreaterThan(0);
      expect(exports.every((e) => e.encoding === (protocol === 'http/json' ? 'json' : 'protobuf')))
        .toBe(true);
      const byName = new Map<string, ReceivedMetric>();
      for (const m of receiver.metrics()) byName.set(m.name, m);
      for (const def of METRICS) {
        const got = byName.get(def.name);
        expect(got, def.name).toBeDefined();
        expect(got!.unit, def.name).toBe(def.unit);
        expect(got!.description, def.name).toBe(def.description);
        expect(got!.scope.name).toBe('speechmetry');
        expect(got!.scope.version).toBe(VERSION);
        expect(got!.resource.attributes['service.name']).toBe('otlp-test');
        expect(got!.resource.attributes['deployment.environment']).toBe('test');
        if (def.kind === 'histogram') {
          expect(got!.type, def.name).toBe('histogram');
          if (got!.type === 'histogram') {
            expect(got!.dataPoints[0]!.explicitBounds).toEqual(def.buckets);
          }
        }
      }

      const duration = byName.get(METRIC_TRANSLATION_DURATION.name)!;
      if (duration.type !== 'histogram') throw new Error('not a histogram');
      const ok = duration.dataPoints.find((p) => p.attributes['error.type'] === undefined)!;
      const failed = duration.dataPoints.find((p) => p.attributes['error.type'] === 'ECONNRESET')!;
      expect(ok.attributes).toEqual({
        'speech.model': 'nllb-600m',
        'speech.source_language': 'en',
        'speech.target_language': 'de',
      });
      // Two successful translations: one measured, one in the pipeline turn.
      const okPoints = duration.dataPoints.filter((p) => p.attributes['error.type'] === undefined);
      expect(okPoints.reduce((n, p) => n + p.count, 0)).toBe(2);
      expect(failed.count).toBe(1);
      expect(ok.bucketCounts.reduce((a, b) => a + b, 0)).toBe(ok.count);
      expect(ok.sum!).toBeGreaterThan(0.004);

      const dropped = byName.get('speechmetry.dropped')!;
      if (dropped.type !== 'sum') throw new Error('not a sum');
      const invalid = dropped.dataPoints.find(
        (p) => p.attributes['speechmetry.drop.reason'] === 'invalid_value',
      );
      expect(Number(invalid!.value)).toBeGreaterThanOrEqual(1);

      const spans = receiver.spans();
      const root = spans.find((s) => s.name === 'pipeline')!;
      const children = spans.filter((s) => s.parentSpanId === root.spanId);
      expect(children.map((s) => s.name).sort()).toEqual([
        'asr whisper-small', 'translation nllb-600m', 'tts piper',
      ]);
      expect(children.every((s) => s.traceId === root.traceId)).toBe(true);
      const failedSpan = spans.find((s) => s.attributes['error.type'] === 'ECONNRESET')!;
      expect(failedSpan.status.code).toBe('error');
      const asrSpan = spans.find((s) => s.name === 'asr whisper-small' && s.parentSpanId === '')!;
      expect(asrSpan.events.map((e) => e.name)).toContain('speech.first_result');
    } finally {
      await receiver.close();
    }
  });
});
