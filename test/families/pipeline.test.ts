import type { HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import {
  METRIC_ASR_DURATION,
  METRIC_PIPELINE_DURATION,
  METRIC_PIPELINE_TIME_TO_FIRST_AUDIO,
  METRIC_TTS_DURATION,
} from '../../src/semconv.js';
import { harness, metric } from '../helpers/harness.js';

describe('pipeline turn', () => {
  it('parents its stages and shares the language pair', async () => {
    const h = harness();
    const turn = h.pipeline.start({ sourceLanguage: 'en', targetLanguage: 'de' });
    turn.asr({ model: 'whisper-small' }).end({ audioSeconds: 1 });
    turn.translation({ model: 'nllb-600m' }).end({});
    const spoken = turn.tts({ model: 'piper', voice: 'amy' });
    spoken.firstAudio();
    spoken.end({});
    turn.end();

    const spans = h.spans.getFinishedSpans();
    const root = spans.find((s) => s.name === 'pipeline')!;
    const children = spans.filter((s) => s !== root);
    expect(children.map((s) => s.name).sort()).toEqual([
      'asr whisper-small', 'translation nllb-600m', 'tts piper',
    ]);
    for (const child of children) {
      expect(child.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
      expect(child.spanContext().traceId).toBe(root.spanContext().traceId);
    }

    const all = await h.collect();
    const asr = metric(all, METRIC_ASR_DURATION.name);
    expect(asr.dataPoints[0]!.attributes['speech.language']).toBe('en');
    const tts = metric(all, METRIC_TTS_DURATION.name);
    expect(tts.dataPoints[0]!.attributes['speech.language']).toBe('de');
    const turnDuration = metric(all, METRIC_PIPELINE_DURATION.name) as HistogramMetricData;
    expect(turnDuration.dataPoints[0]!.attributes).toEqual({
      'speech.source_language': 'en',
      'speech.target_language': 'de',
    });
    const ttfa = metric(all, METRIC_PIPELINE_TIME_TO_FIRST_AUDIO.name) as HistogramMetricData;
    expect(ttfa.dataPoints[0]!.value.count).toBe(1);
    expect(ttfa.dataPoints[0]!.value.sum!).toBeLessThanOrEqual(turnDuration.dataPoints[0]!.value.sum!);
  });
});
