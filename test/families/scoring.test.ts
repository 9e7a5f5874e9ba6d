import type { HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { sentenceBleu, sentenceChrf, wer } from '../../src/quality/index.js';
import { createScoringScheduler } from '../../src/scoring/scheduler.js';
import {
  METRIC_ASR_WORD_ERROR_RATE,
  METRIC_TRANSLATION_QUALITY_BLEU,
  METRIC_TRANSLATION_QUALITY_CHRF,
  METRIC_TTS_NATURALNESS,
} from '../../src/semconv.js';
import { harness, metric } from '../helpers/harness.js';

async function settled(h: ReturnType<typeof harness>, spans: number): Promise<void> {
  for (let i = 0; i < 200 && h.spans.getFinishedSpans().length < spans; i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('in-process scoring from live operations', () => {
  it('scores a translation with sacreBLEU-equal BLEU and chrF, recorded ÷ 100', async () => {
    const scoring = createScoringScheduler({ workerPath: false, env: {} });
    const h = harness('cells', { scoring });
    const output = 'The cat sat on the mat today.';
    const reference = 'The cat was sitting on the mat today.';
    h.translation.start({ model: 'm', targetLanguage: 'en' })
      .end({ output, references: [reference] });
    // The span waits for its scores.
    expect(h.spans.getFinishedSpans()).toHaveLength(0);
    await settled(h, 1);

    const all = await h.collect();
    const bleu = metric(all, METRIC_TRANSLATION_QUALITY_BLEU.name) as HistogramMetricData;
    const expected = sentenceBleu(output, [reference]).score / 100;
    expect(bleu.dataPoints[0]!.value.sum).toBeCloseTo(expected, 12);
    const chrf = metric(all, METRIC_TRANSLATION_QUALITY_CHRF.name) as HistogramMetricData;
    expect(chrf.dataPoints[0]!.value.sum).toBeCloseTo(sentenceChrf(output, [reference]).score / 100, 12);
    const [span] = h.spans.getFinishedSpans();
    const evaluation = span!.events.find((e) => e.name === 'speech.evaluation')!;
    expect(evaluation.attributes!['speech.evaluation.bleu']).toBeCloseTo(expected * 100, 10);
    // Scoring happened after the operation ended; the span still ends then.
    expect(span!.endTime).toBeDefined();
  });

  it('scores a transcript with jiwer-equal WER', async () => {
    const scoring = createScoringScheduler({ workerPath: false, env: {} });
    const h = harness('cells', { scoring });
    h.asr.start({ model: 'm' }).end({ transcript: 'hello word there', reference: 'hello world there' });
    await settled(h, 1);
    const w = metric(await h.collect(), METRIC_ASR_WORD_ERROR_RATE.name) as HistogramMetricData;
    expect(w.dataPoints[0]!.value.sum).toBe(wer('hello world there', 'hello word there'));
  });

  it('sends TTS text to a pluggable MOS scorer only when one is configured', async () => {
    const scoring = createScoringScheduler({
      workerPath: false,
      env: {},
      scorers: [{ name: 'mos', kind: 'tts', score: async () => 4.25 }],
    });
    const h = harness('cells', { scoring, ttsScoring: true });
    h.tts.start({ model: 'piper' }).end({ text: 'Guten Tag' });
    await settled(h, 1);
    const mos = metric(await h.collect(), METRIC_TTS_NATURALNESS.name) as HistogramMetricData;
    expect(mos.dataPoints[0]!.value.sum).toBe(4.25);
  });
});
