import { readCondition } from './units.js';
import type { RawRule } from './rule.js';

/**
 * The product documents' blocks (`translation_performance_config`,
 * `analytics_config`, …) mapped onto explicit rules. Each leaf key with a
 * condition becomes one rule; keys with no in-process meaning are listed
 * as ignored. The mapping is documented in the README (Thresholds).
 */

type Task = 'asr' | 'translation' | 'tts' | 'pipeline';

/** A mapped rule plus the path of the key it came from. */
export interface ProductRule {
  readonly path: (string | number)[];
  readonly raw: RawRule;
}

/** What a product block turned into. */
export interface ProductResult {
  readonly rules: ProductRule[];
  readonly ignored: string[];
}

const BLOCK_TASKS: [RegExp, Task][] = [
  [/^(asr|stt|speech_recognition|recognition|transcription)/, 'asr'],
  [/^(tts|speech_synthesis|synthesis)/, 'tts'],
  [/^(pipeline|speech_to_speech|s2s|end_to_end|e2e)/, 'pipeline'],
  [/^(translation|mt|machine_translation|analytics)/, 'translation'],
];

/** Whether a top-level key is a product document block. */
export function isProductBlock(key: string): boolean {
  return /_config$/.test(key);
}

/** Task whose metrics a block's keys refer to, if the block is known. */
export function blockTask(key: string): Task | undefined {
  return BLOCK_TASKS.find(([re]) => re.test(key))?.[1];
}

const DURATION_METRIC: Record<Task, string> = {
  asr: 'speech.asr.duration',
  translation: 'speech.translation.duration',
  tts: 'speech.tts.duration',
  pipeline: 'speech.pipeline.duration',
};

const SCORE_METRIC: Record<string, string> = {
  bleu: 'speech.translation.quality.bleu',
  chrf: 'speech.translation.quality.chrf',
  comet: 'speech.translation.quality.comet',
  wer: 'speech.asr.word_error_rate',
  cer: 'speech.asr.character_error_rate',
};

/** Keys that have no in-process meaning, with the reason given at load. */
const IGNORED: [RegExp, string][] = [
  [/cost|dollar|usd|price|spend|billing/, 'cost in money is not a threshold in-process'],
  [
    /satisfaction|nps|csat|retention|engagement|churn/,
    'user satisfaction is not measured in-process',
  ],
  [/cpu|memory|gpu|ram\b|disk|utili[sz]ation/, 'host resources belong to the host\'s monitoring'],
];

/** The side of a key: a target, an alert threshold, or a critical one. */
function sideOf(key: string): { alert: boolean; severity: string } {
  if (/critical|page/.test(key)) return { alert: true, severity: 'critical' };
  if (/alert|threshold|limit|max_/.test(key) && !/target/.test(key)) {
    return { alert: true, severity: 'high' };
  }
  if (/warn/.test(key)) return { alert: true, severity: 'low' };
  return { alert: false, severity: 'medium' };
}

interface Target {
  metric: string;
  stat?: string;
  /** `availability > 99.9%` is checked as `error_ratio < 0.1%`. */
  complement?: boolean;
}

/** Finds the metric and statistic a key (and its value's words) mean. */
function targetOf(key: string, task: Task, value: unknown): Target | string {
  for (const [re, reason] of IGNORED) if (re.test(key)) return reason;
  const words = readCondition(value);
  const score = typeof words === 'string' ? undefined : words.score;
  const stat = /p(50|90|95|99)/.exec(key)?.[0] ??
    (typeof words === 'string' ? undefined : words.stat);
  const pick = (metric: string, fallback?: string): Target =>
    ({ metric, stat: stat ?? fallback });
  if (score !== undefined) return pick(SCORE_METRIC[score]!, 'mean');
  if (/availability|success_rate|uptime/.test(key)) {
    return { metric: DURATION_METRIC[task], stat: 'error_ratio', complement: true };
  }
  if (/error_rate|error_ratio|failure_rate|errors/.test(key) && !/word|char/.test(key)) {
    return { metric: DURATION_METRIC[task], stat: 'error_ratio' };
  }
  if (/rps|qps|throughput|requests_per_second/.test(key)) {
    return { metric: DURATION_METRIC[task], stat: 'rate' };
  }
  if (/queue/.test(key)) return { metric: 'speech.queue.size', stat: 'max' };
  return byMeasure(key, task, pick);
}

function byMeasure(
  key: string,
  task: Task,
  pick: (metric: string, fallback?: string) => Target,
): Target | string {
  if (/first_audio|ttfa/.test(key)) {
    return pick(task === 'tts' ? 'speech.tts.time_to_first_audio'
      : 'speech.pipeline.time_to_first_audio', 'p95');
  }
  if (/first_token|ttft/.test(key)) return pick('speech.translation.time_to_first_token', 'p95');
  if (/first_result|first_partial/.test(key)) {
    return pick('speech.asr.time_to_first_result', 'p95');
  }
  if (/rtf|real_time_factor/.test(key)) {
    if (task !== 'asr' && task !== 'tts') return 'no real-time factor for this task';
    return pick(`speech.${task}.real_time_factor`, 'p95');
  }
  for (const score of Object.keys(SCORE_METRIC)) {
    if (new RegExp(`(^|_)${score}(_|$)`).test(key)) return pick(SCORE_METRIC[score]!, 'mean');
  }
  if (/word_error/.test(key)) return pick(SCORE_METRIC.wer!, 'mean');
  if (/character_error/.test(key)) return pick(SCORE_METRIC.cer!, 'mean');
  if (/mos|naturalness/.test(key)) return pick('speech.tts.naturalness', 'mean');
  if (/confidence/.test(key)) return pick('speech.asr.confidence', 'mean');
  if (/model_load|load_time/.test(key)) return pick('speech.model.load.duration', 'max');
  if (/latency|duration|response_time/.test(key)) return pick(DURATION_METRIC[task], 'p95');
  if (/quality/.test(key)) return 'no score named (write e.g. "> 0.4 BLEU")';
  return 'no in-process metric matches this key';
}

/** Keys of an object leaf (`latency: { target, alert_threshold }`). */
const SIDE_KEY = /^(target|goal|alert|alert_threshold|threshold|warning|critical)$/;
const RULE_OPTIONS = ['window', 'for', 'min_samples', 'where', 'group_by', 'severity'];

/**
 * Maps one product block. `defaults` (window, for, min_samples) from the
 * file's `defaults:` apply to every rule it produces.
 */
export function mapProductBlock(
  block: string,
  body: unknown,
  defaults: Record<string, unknown>,
): ProductResult {
  const out: ProductResult = { rules: [], ignored: [] };
  const task = blockTask(block);
  if (task === undefined) {
    out.ignored.push(`${block}: no speechmetry task matches this block`);
    return out;
  }
  walk([block], body, task, defaults, out);
  return out;
}

function walk(
  path: string[],
  node: unknown,
  task: Task,
  defaults: Record<string, unknown>,
  out: ProductResult,
): void {
  const key = path[path.length - 1]!.toLowerCase();
  if (isMap(node)) {
    const entries = Object.entries(node);
    if (entries.some(([k]) => SIDE_KEY.test(k))) {
      leafObject(path, node, task, defaults, out);
      return;
    }
    for (const [k, v] of entries) walk([...path, k], v, task, defaults, out);
    return;
  }
  leaf(path, key, node, task, { ...defaults, side: key }, out);
}

function leafObject(
  path: string[],
  node: Record<string, unknown>,
  task: Task,
  defaults: Record<string, unknown>,
  out: ProductResult,
): void {
  const measure = path[path.length - 1]!.toLowerCase();
  const options: Record<string, unknown> = { ...defaults };
  for (const k of RULE_OPTIONS) if (node[k] !== undefined) options[k] = node[k];
  for (const [k, v] of Object.entries(node)) {
    if (RULE_OPTIONS.includes(k)) continue;
    if (k === 'metric' && typeof v === 'string') continue;
    if (!SIDE_KEY.test(k)) {
      out.ignored.push(`${[...path, k].join('.')}: not a target or alert threshold`);
      continue;
    }
    const metric = typeof node.metric === 'string' ? node.metric : undefined;
    leaf([...path, k], measure, v, task, { ...options, side: k, metric }, out);
  }
}

function leaf(
  path: string[],
  measure: string,
  value: unknown,
  task: Task,
  options: Record<string, unknown>,
  out: ProductResult,
): void {
  const name = path.join('.');
  if (typeof readCondition(value) === 'string') {
    out.ignored.push(`${name}: not a condition`);
    return;
  }
  const target = targetOf(measure, task, value);
  if (typeof target === 'string') {
    out.ignored.push(`${name}: ${target}`);
    return;
  }
  const side = sideOf(String(options.side));
  const raw: RawRule = {
    name,
    metric: typeof options.metric === 'string' ? options.metric : target.metric,
    stat: target.stat,
    condition: target.complement === true ? complement(value as string | number) : value,
    window: options.window,
    for: options.for,
    min_samples: options.min_samples,
    where: options.where,
    group_by: options.group_by,
    severity: options.severity ?? side.severity,
    alertSide: side.alert,
  };
  out.rules.push({ path, raw });
}

/** `> 99.9%` availability → `< 0.1%` error ratio (and so on). */
function complement(value: string | number): string | number {
  const c = readCondition(value);
  if (typeof c === 'string') return value;
  const flip: Record<string, string> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=' };
  const whole = c.unit === '%' ? 100 : 1;
  const rest = Math.round((whole - c.number) * 1e9) / 1e9;
  return `${flip[c.op ?? '>=']} ${rest}${c.unit === '%' ? '%' : ''}`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
