import type { HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { expect, it } from 'vitest';
import { sentenceBleu } from '../../src/quality/index.js';
import { METRIC_TRANSLATION_QUALITY_BLEU } from '../../src/semconv.js';
import { harness, metric } from '../helpers/harness.js';

// sacreBLEU (and our equal BLEU) gives 100.00000000000004 for a perfect
// sentence; ÷ 100 that was just above 1 and dropped as out of range.
it('records a perfect BLEU as 1 instead of dropping it', async () => {
  const perfect = sentenceBleu('Guten Morgen', ['Guten Morgen']).score;
  expect(perfect).toBeGreaterThan(100);
  const h = harness();
  h.translation.recordQuality({ bleu: perfect }, { model: 'm' });
  const bleu = metric(await h.collect(), METRIC_TRANSLATION_QUALITY_BLEU.name) as HistogramMetricData;
  expect(bleu.dataPoints[0]!.value.sum).toBe(1);
});
