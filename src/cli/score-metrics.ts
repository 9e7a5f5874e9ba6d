/**
 * The metrics of `speechmetry score`, each turned into printable lines:
 * BLEU and chrF through the sacreBLEU-style skeleton, WER and CER through
 * the jiwer-equal WER family (reference file 1 is the reference).
 */
import { createBleuMetric } from '../quality/bleu.js';
import { createChrfMetric } from '../quality/chrf.js';
import { createTerMetric } from '../quality/ter.js';
import {
  corpusScore, sentenceScores,
  type ProgressListener, type StatsMetric,
} from '../quality/metric.js';
import { pyFloatRepr } from '../quality/python-format.js';
import {
  pyJsonObject, type ScoreFormatOptions,
} from '../quality/score-format.js';
import { processCharacters, processWords } from '../quality/wer/index.js';
import type { ScoreArgs, ScoreMetric } from './score-args.js';

/** Anything the skeleton scores and that formats itself. */
interface Formattable {
  format(options?: ScoreFormatOptions): string;
}

/** The data a metric is computed on. */
export interface ScoreData {
  hypotheses: string[];
  references: string[][];
}

/** Text or JSON renderings: one for the corpus, or one per segment. */
export type Renderer = (
  data: ScoreData,
  args: ScoreArgs,
  onProgress?: ProgressListener,
) => string[];

function skeletonRenderer(
  create: (args: ScoreArgs, sentence: boolean) => StatsMetric<Formattable>,
): Renderer {
  return (data, args, onProgress) => {
    const metric = create(args, args.sentence);
    const options: ScoreFormatOptions = {
      width: args.width,
      signature: true,
      json: args.json,
      compact: args.sentence,
    };
    if (!args.sentence) {
      return [corpusScore(metric, data.hypotheses, data.references, onProgress)
        .format(options)];
    }
    return sentenceScores(metric, data.hypotheses, data.references, onProgress)
      .map((score) => score.format(options));
  };
}

interface Counts {
  hits: number;
  substitutions: number;
  deletions: number;
  insertions: number;
}

// jiwer prints the bare rate (0–1, full precision); the counts follow it
// here, in text as BLEU's details follow its score.
function renderRate(
  name: string,
  rate: number,
  c: Counts,
  args: ScoreArgs,
): string {
  if (!args.json) {
    return `${name} = ${pyFloatRepr(rate)} (hits = ${c.hits} ` +
      `substitutions = ${c.substitutions} deletions = ${c.deletions} ` +
      `insertions = ${c.insertions})`;
  }
  return pyJsonObject([
    ['name', JSON.stringify(name)],
    ['score', pyFloatRepr(rate)],
    ['hits', String(c.hits)],
    ['substitutions', String(c.substitutions)],
    ['deletions', String(c.deletions)],
    ['insertions', String(c.insertions)],
  ], args.sentence);
}

function rateRenderer(name: 'WER' | 'CER'): Renderer {
  return (data, args) => {
    const refs = data.references[0]!;
    const options = { lowercase: args.lowercase };
    const score = (ref: string | string[], hyp: string | string[]): string => {
      if (name === 'WER') {
        const out = processWords(ref, hyp, options);
        return renderRate(name, out.wer, out, args);
      }
      const out = processCharacters(ref, hyp, options);
      return renderRate(name, out.cer, out, args);
    };
    if (!args.sentence) return [score(refs, data.hypotheses)];
    return data.hypotheses.map((hyp, i) => score(refs[i]!, hyp));
  };
}

/** The renderer of each metric name. */
export const RENDERERS: Record<ScoreMetric, Renderer> = {
  bleu: skeletonRenderer((args, sentence) => createBleuMetric(
    { tokenize: args.tokenize, lowercase: args.lowercase }, sentence,
  )),
  chrf: skeletonRenderer((args) => createChrfMetric({
    lowercase: args.lowercase,
  })),
  'chrf++': skeletonRenderer((args) => createChrfMetric({
    lowercase: args.lowercase, wordOrder: 2,
  })),
  // sacreBLEU's TER is case-insensitive unless asked otherwise; -lc is moot.
  ter: skeletonRenderer(() => createTerMetric()),
  wer: rateRenderer('WER'),
  cer: rateRenderer('CER'),
};
