/**
 * The rows of the demo's view: per stage and language pair, figures read
 * from the received histograms.
 */
import {
  ATTR_ERROR_TYPE,
  ATTR_LANGUAGE,
  ATTR_SOURCE_LANGUAGE,
  ATTR_TARGET_LANGUAGE,
  METRIC_ASR_DURATION,
  METRIC_ASR_REAL_TIME_FACTOR,
  METRIC_ASR_WORD_ERROR_RATE,
  METRIC_PIPELINE_DURATION,
  METRIC_PIPELINE_TIME_TO_FIRST_AUDIO,
  METRIC_TRANSLATION_DURATION,
  METRIC_TRANSLATION_QUALITY_BLEU,
  METRIC_TRANSLATION_QUALITY_CHRF,
  METRIC_TTS_DURATION,
  METRIC_TTS_REAL_TIME_FACTOR,
  METRIC_TTS_TIME_TO_FIRST_AUDIO,
} from '../index.js';
import type { DemoLanguage } from './corpus.js';
import { mean, quantile, type Figures, type SeriesFilter } from './figures.js';

/** One line of the view. Figures are undefined until data arrived. */
export interface Row {
  stage: 'ASR' | 'MT' | 'TTS' | 'pipeline';
  pair: string;
  requests: number;
  rate?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  errorRatio?: number;
  rtf?: number;
  wer?: number;
  bleu?: number;
  chrf?: number;
  firstAudio?: number;
}

interface Spec {
  stage: Row['stage'];
  pair: string;
  duration: string;
  filter: SeriesFilter;
  extras: (f: Figures, filter: SeriesFilter, windowMs?: number) => Partial<Row>;
}

function specs(languages: readonly DemoLanguage[]): Spec[] {
  const asr: Spec = {
    stage: 'ASR',
    pair: 'en',
    duration: METRIC_ASR_DURATION.name,
    filter: { [ATTR_LANGUAGE]: 'en' },
    extras: (f, filter, w) => ({
      rtf: quantile(f.aggregate(METRIC_ASR_REAL_TIME_FACTOR.name, filter, w), 0.5),
      wer: mean(f.aggregate(METRIC_ASR_WORD_ERROR_RATE.name, filter, w)),
    }),
  };
  const pairFilter = (l: string): SeriesFilter => ({
    [ATTR_SOURCE_LANGUAGE]: 'en',
    [ATTR_TARGET_LANGUAGE]: l,
  });
  const mt = languages.map((l): Spec => ({
    stage: 'MT',
    pair: `en→${l}`,
    duration: METRIC_TRANSLATION_DURATION.name,
    filter: pairFilter(l),
    extras: (f, filter, w) => ({
      bleu: mean(f.aggregate(METRIC_TRANSLATION_QUALITY_BLEU.name, filter, w)),
      chrf: mean(f.aggregate(METRIC_TRANSLATION_QUALITY_CHRF.name, filter, w)),
    }),
  }));
  const tts = languages.map((l): Spec => ({
    stage: 'TTS',
    pair: l,
    duration: METRIC_TTS_DURATION.name,
    filter: { [ATTR_LANGUAGE]: l },
    extras: (f, filter, w) => ({
      rtf: quantile(f.aggregate(METRIC_TTS_REAL_TIME_FACTOR.name, filter, w), 0.5),
      firstAudio: quantile(f.aggregate(METRIC_TTS_TIME_TO_FIRST_AUDIO.name, filter, w), 0.95),
    }),
  }));
  const pipeline = languages.map((l): Spec => ({
    stage: 'pipeline',
    pair: `en→${l}`,
    duration: METRIC_PIPELINE_DURATION.name,
    filter: pairFilter(l),
    extras: (f, filter, w) => ({
      firstAudio: quantile(
        f.aggregate(METRIC_PIPELINE_TIME_TO_FIRST_AUDIO.name, filter, w),
        0.95,
      ),
    }),
  }));
  return [asr, ...mt, ...tts, ...pipeline];
}

/**
 * The view's rows over the last `windowMs` milliseconds, or over the
 * whole run when `windowMs` is omitted.
 */
export function buildRows(
  figures: Figures,
  languages: readonly DemoLanguage[],
  windowMs?: number,
): Row[] {
  return specs(languages).map((s) => {
    const all = figures.aggregate(s.duration, s.filter, windowMs);
    const okFilter = { ...s.filter, [ATTR_ERROR_TYPE]: undefined };
    const ok = figures.aggregate(s.duration, okFilter, windowMs);
    const requests = all?.count ?? 0;
    return {
      stage: s.stage,
      pair: s.pair,
      requests,
      rate: figures.rate(s.duration, s.filter, windowMs ?? Infinity),
      p50: quantile(all, 0.5),
      p95: quantile(all, 0.95),
      p99: quantile(all, 0.99),
      errorRatio: requests > 0 ? (requests - (ok?.count ?? 0)) / requests : undefined,
      ...s.extras(figures, s.filter, windowMs),
    };
  });
}
