import { DataPointType, type HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import {
  ATTR_CORRELATION_ID,
  ATTR_DETECTION_OUTCOME,
  METRIC_ASR_ACTIVE_STREAMS,
  METRIC_ASR_AUDIO_DURATION,
  METRIC_ASR_CONFIDENCE,
  METRIC_ASR_DURATION,
  METRIC_ASR_LANGUAGE_DETECTIONS,
  METRIC_ASR_REAL_TIME_FACTOR,
  METRIC_ASR_TIME_TO_FIRST_RESULT,
} from '../../src/semconv.js';
import { reporter } from '../../src/internal/report.js';
import { harness, metric } from '../helpers/harness.js';
import { makeWav } from '../helpers/wav.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('asr family', () => {
  it('records duration, audio, RTF, confidence and first result', async () => {
    const h = harness();
    const op = h.asr.start({ model: 'whisper-small', language: 'EN_us', streaming: true });
    await sleep(20);
    op.firstResult();
    op.firstResult();
    op.end({ audioSeconds: 2, confidence: 0.9, detectedLanguage: 'en' });

    const all = await h.collect();
    const duration = metric(all, METRIC_ASR_DURATION.name) as HistogramMetricData;
    expect(duration.dataPointType).toBe(DataPointType.HISTOGRAM);
    expect(duration.descriptor.unit).toBe('s');
    const point = duration.dataPoints[0]!;
    expect(point.attributes).toEqual({
      'speech.model': 'whisper-small',
      'speech.language': 'en-US',
      'speech.streaming': true,
    });
    expect(point.value.count).toBe(1);
    const seconds = point.value.sum!;
    expect(seconds).toBeGreaterThanOrEqual(0.019);
    expect(point.value.buckets.boundaries).toEqual(METRIC_ASR_DURATION.buckets);

    const rtf = metric(all, METRIC_ASR_REAL_TIME_FACTOR.name) as HistogramMetricData;
    expect(rtf.dataPoints[0]!.value.sum).toBeCloseTo(seconds / 2, 6);
    const audio = metric(all, METRIC_ASR_AUDIO_DURATION.name) as HistogramMetricData;
    expect(audio.dataPoints[0]!.value.sum).toBe(2);
    const conf = metric(all, METRIC_ASR_CONFIDENCE.name) as HistogramMetricData;
    expect(conf.dataPoints[0]!.value.sum).toBe(0.9);
    const ttfr = metric(all, METRIC_ASR_TIME_TO_FIRST_RESULT.name) as HistogramMetricData;
    expect(ttfr.dataPoints[0]!.value.count).toBe(1);

    const detections = metric(all, METRIC_ASR_LANGUAGE_DETECTIONS.name);
    const correct = detections.dataPoints.find(
      (p) => p.attributes[ATTR_DETECTION_OUTCOME] === 'correct',
    );
    expect(correct?.value).toBe(1);
    const active = metric(all, METRIC_ASR_ACTIVE_STREAMS.name);
    expect(active.dataPoints[0]!.value).toBe(0);

    const [span] = h.spans.getFinishedSpans();
    expect(span!.name).toBe('asr whisper-small');
    expect(span!.events.map((e) => e.name)).toEqual(['speech.first_result']);
    expect(span!.attributes[ATTR_CORRELATION_ID]).toBeUndefined();
  });

  it('fails with error.type and ends once', async () => {
    const h = harness();
    const before = reporter().dropped().ended_twice;
    const op = h.asr.start({ model: 'm' });
    const error = Object.assign(new Error('secret transcript text'), { code: 'ETIMEDOUT' });
    op.fail(error);
    op.end({ audioSeconds: 1 });
    op.fail(error);
    expect(reporter().dropped().ended_twice).toBe(before + 2);

    const all = await h.collect();
    const duration = metric(all, METRIC_ASR_DURATION.name) as HistogramMetricData;
    expect(duration.dataPoints).toHaveLength(1);
    expect(duration.dataPoints[0]!.attributes['error.type']).toBe('ETIMEDOUT');
    expect(metric(all, METRIC_ASR_ACTIVE_STREAMS.name).dataPoints[0]!.value).toBe(0);
    const [span] = h.spans.getFinishedSpans();
    expect(span!.status.code).toBe(2);
    expect(JSON.stringify(span!.events)).not.toContain('secret');
  });

  it('drops invalid numbers and unknown keys without throwing', async () => {
    const h = harness();
    const before = reporter().dropped().invalid_value;
    const op = h.asr.start({ model: 'm', userId: 'u-1' } as never);
    expect(() =>
      op.end({ audioSeconds: Number.NaN, confidence: 7 } as never),
    ).not.toThrow();
    expect(reporter().dropped().invalid_value).toBe(before + 2);
    const all = await h.collect();
    const duration = metric(all, METRIC_ASR_DURATION.name);
    expect(Object.keys(duration.dataPoints[0]!.attributes)).toEqual(['speech.model']);
    expect(all.find((m) => m.descriptor.name === METRIC_ASR_CONFIDENCE.name)).toBeUndefined();
  });

  it('derives audio seconds from a WAV buffer', async () => {
    const h = harness();
    const wav = makeWav(16000, 1, 16, 8000);
    h.asr.start({}).end({ audio: wav });
    const audio = metric(await h.collect(), METRIC_ASR_AUDIO_DURATION.name) as HistogramMetricData;
    expect(audio.dataPoints[0]!.value.sum).toBe(0.5);
  });

  it('contains a result object whose getters throw', () => {
    const h = harness();
    const hostile = Object.defineProperty({}, 'confidence', {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => h.asr.start({}).end(hostile)).not.toThrow();
  });
});
