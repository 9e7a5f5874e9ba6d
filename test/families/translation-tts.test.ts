import type { HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import {
  METRIC_TRANSLATION_ACTIVE,
  METRIC_TRANSLATION_CACHE_LOOKUPS,
  METRIC_TRANSLATION_DURATION,
  METRIC_TRANSLATION_INPUT_SIZE,
  METRIC_TRANSLATION_OUTPUT_SIZE,
  METRIC_TRANSLATION_QUALITY_BLEU,
  METRIC_TRANSLATION_QUALITY_COMET,
  METRIC_TRANSLATION_TIME_TO_FIRST_TOKEN,
  METRIC_TTS_INPUT_SIZE,
  METRIC_TTS_NATURALNESS,
  METRIC_TTS_REAL_TIME_FACTOR,
  METRIC_TTS_TIME_TO_FIRST_AUDIO,
  METRIC_COST,
  METRIC_QUEUE_SIZE,
} from '../../src/semconv.js';
import { harness, metric } from '../helpers/harness.js';

const pair = { model: 'nllb-600m', sourceLanguage: 'en', targetLanguage: 'de' };

describe('translation family', () => {
  it('measure() ends the operation with sizes, cache result and first token', async () => {
    const h = harness();
    const out = await h.translation.measure(pair, async (op) => {
      op.firstToken();
      op.end({ input: 'Hello 👋', output: 'Hallo 👋', cacheHit: false });
      return 'Hallo';
    });
    expect(out).toBe('Hallo');
    const all = await h.collect();
    const input = metric(all, METRIC_TRANSLATION_INPUT_SIZE.name) as HistogramMetricData;
    // Code points, as Python counts them: the emoji is one character.
    expect(input.dataPoints[0]!.value.sum).toBe(7);
    const output = metric(all, METRIC_TRANSLATION_OUTPUT_SIZE.name) as HistogramMetricData;
    expect(output.dataPoints[0]!.value.sum).toBe(7);
    const lookups = metric(all, METRIC_TRANSLATION_CACHE_LOOKUPS.name);
    expect(lookups.dataPoints.map((p) => p.attributes['speech.cache.result'])).toEqual(['miss']);
    expect(metric(all, METRIC_TRANSLATION_TIME_TO_FIRST_TOKEN.name).dataPoints).toHaveLength(1);
    expect(metric(all, METRIC_TRANSLATION_ACTIVE.name).dataPoints[0]!.value).toBe(0);
    const [span] = h.spans.getFinishedSpans();
    expect(span!.name).toBe('translation nllb-600m');
    expect(span!.attributes['speech.content.output']).toBeUndefined();
  });

  it('measure() fails the operation and rethrows', async () => {
    const h = harness();
    await expect(
      h.translation.measure(pair, async () => {
        throw new TypeError('bad');
      }),
    ).rejects.toThrow('bad');
    const all = await h.collect();
    const d = metric(all, METRIC_TRANSLATION_DURATION.name);
    expect(d.dataPoints[0]!.attributes['error.type']).toBe('TypeError');
    expect(metric(all, METRIC_TRANSLATION_ACTIVE.name).dataPoints[0]!.value).toBe(0);
  });

  it('records quality computed elsewhere on the 0–1 scale', async () => {
    const h = harness();
    h.translation.recordQuality({ bleu: 42.5, comet: 0.82 }, pair);
    const all = await h.collect();
    const bleu = metric(all, METRIC_TRANSLATION_QUALITY_BLEU.name) as HistogramMetricData;
    expect(bleu.dataPoints[0]!.value.sum).toBe(0.425);
    expect(bleu.descriptor.unit).toBe('1');
    const comet = metric(all, METRIC_TRANSLATION_QUALITY_COMET.name) as HistogramMetricData;
    expect(comet.dataPoints[0]!.value.sum).toBe(0.82);
  });

  it('captures content only when switched on, truncated', async () => {
    const h = harness('cells', { captureContent: true, contentMaxLength: 4 });
    h.translation.start(pair).end({ input: 'abcdefgh', output: 'ijklmnop' });
    const [span] = h.spans.getFinishedSpans();
    expect(span!.attributes['speech.content.input']).toBe('abcd');
    expect(span!.attributes['speech.content.output']).toBe('ijkl');
  });
});

describe('tts family', () => {
  it('records first audio, RTF, input size and naturalness', async () => {
    const h = harness();
    const op = h.tts.start({ model: 'piper', voice: 'amy', language: 'de' });
    op.firstAudio();
    op.end({ audioSeconds: 3.2, text: 'Guten Tag', naturalness: 4.2 });
    h.tts.recordNaturalness(9, { model: 'piper' });
    const all = await h.collect();
    expect(metric(all, METRIC_TTS_TIME_TO_FIRST_AUDIO.name).dataPoints).toHaveLength(1);
    expect(metric(all, METRIC_TTS_REAL_TIME_FACTOR.name).dataPoints).toHaveLength(1);
    const size = metric(all, METRIC_TTS_INPUT_SIZE.name) as HistogramMetricData;
    expect(size.dataPoints[0]!.value.sum).toBe(9);
    const mos = metric(all, METRIC_TTS_NATURALNESS.name) as HistogramMetricData;
    expect(mos.descriptor.unit).toBe('{mos}');
    // 9 is outside 1–5 and was dropped.
    expect(mos.dataPoints.map((p) => p.value.count)).toEqual([1]);
  });

  it('records cost and queue size per task', async () => {
    const h = harness();
    h.tts.recordCost(0.002, { model: 'piper' });
    h.tts.adjustQueue(3);
    h.tts.adjustQueue(-1);
    const all = await h.collect();
    const cost = metric(all, METRIC_COST.name);
    expect(cost.dataPoints[0]!.attributes).toEqual({ 'speech.task': 'tts', 'speech.model': 'piper' });
    expect(metric(all, METRIC_QUEUE_SIZE.name).dataPoints[0]!.value).toBe(2);
  });
});
