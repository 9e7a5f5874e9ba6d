import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { ThresholdConfigError } from './errors.js';
import { compileRule, RULE_KEYS, type RawRule } from './rule.js';
import { isProductBlock, mapProductBlock } from './product.js';
import { parseDurationMs } from './units.js';
import type { ParsedThresholds, ThresholdRule } from './types.js';

/** Options of {@link parseThresholds}. @public */
export interface ParseThresholdsOptions {
  /** File name or label used in messages. Default: none. */
  source?: string;
  /**
   * Collect problems instead of throwing: a bad rule is disabled and
   * described in `problems`. Default false (throw a
   * {@link ThresholdConfigError}).
   */
  lenient?: boolean;
}

/** Default evaluation interval, ms. @public */
export const DEFAULT_EVALUATION_INTERVAL_MS = 5000;

type Path = (string | number)[];

interface Ctx {
  readonly source: string | undefined;
  readonly lenient: boolean;
  readonly problems: string[];
  readonly line: (path: Path) => number | undefined;
}

const TOP_KEYS = ['evaluation_interval', 'rules', 'defaults'];

/**
 * Parses threshold rules from YAML or JSON text, or from an object built
 * in code. Both forms are accepted, also side by side: the explicit
 * `rules:` list and the product documents' `*_config` blocks.
 * @throws {@link ThresholdConfigError} unless `lenient` is set.
 * @public
 */
export function parseThresholds(
  input: string | object,
  options: ParseThresholdsOptions = {},
): ParsedThresholds {
  const problems: string[] = [];
  let data: unknown = input;
  let line: (path: Path) => number | undefined = () => undefined;
  if (typeof input === 'string') {
    const read = readText(input, options.source);
    if (read instanceof ThresholdConfigError) {
      if (!options.lenient) throw read;
      return { rules: [], ignored: [], evaluationIntervalMs: 5000, problems: [read.message] };
    }
    ({ data, line } = read);
  }
  const ctx: Ctx = { source: options.source, lenient: options.lenient === true, problems, line };
  return guard(ctx, () => fromData(data, ctx)) ?? {
    rules: [], ignored: [], evaluationIntervalMs: DEFAULT_EVALUATION_INTERVAL_MS, problems,
  };
}

function readText(
  text: string,
  source: string | undefined,
): { data: unknown; line: (path: Path) => number | undefined } | ThresholdConfigError {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0].line;
    return new ThresholdConfigError(`not valid YAML or JSON (${error.code})`, {
      key: 'file',
      ...(line !== undefined ? { line } : {}),
      ...(source !== undefined ? { source } : {}),
    });
  }
  return { data: doc.toJS(), line: (path) => lineOf(doc, counter, path) };
}

function lineOf(doc: Document, counter: LineCounter, path: Path): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range !== undefined) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Runs a step; in lenient mode a config error becomes a problem. */
function guard<T>(ctx: Ctx, step: () => T): T | undefined {
  try {
    return step();
  } catch (error) {
    if (!ctx.lenient || !(error instanceof ThresholdConfigError)) throw error;
    ctx.problems.push(error.message);
    return undefined;
  }
}

function fromData(data: unknown, ctx: Ctx): ParsedThresholds {
  const fail = (key: string, problem: string): never => {
    throw new ThresholdConfigError(problem, { key, ...place(ctx, [key]) });
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('file', 'must be a map with `rules:` or product `*_config` blocks');
  }
  const top = data as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!TOP_KEYS.includes(key) && !isProductBlock(key)) {
      fail(key, 'unknown top-level key; expected rules, evaluation_interval, defaults ' +
        'or a *_config block');
    }
  }
  const interval = top.evaluation_interval === undefined ? DEFAULT_EVALUATION_INTERVAL_MS
    : parseDurationMs(top.evaluation_interval);
  if (interval === undefined || interval <= 0) {
    fail('evaluation_interval', 'must be a duration longer than zero, like 5s');
  }
  const defaults = readDefaults(top.defaults, fail);

  const rules: ThresholdRule[] = [];
  const ignored: string[] = [];
  explicitRules(top.rules, defaults, ctx, rules, fail);
  for (const [key, body] of Object.entries(top)) {
    if (!isProductBlock(key)) continue;
    const mapped = mapProductBlock(key, body, defaults);
    ignored.push(...mapped.ignored);
    for (const { path, raw } of mapped.rules) add(rules, raw, path, ctx, String(raw.name));
  }
  return { rules, ignored, evaluationIntervalMs: interval!, problems: ctx.problems };
}

function readDefaults(
  input: unknown,
  fail: (key: string, problem: string) => never,
): Record<string, unknown> {
  if (input === undefined) return {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('defaults', 'must be a map (window, for, min_samples)');
  }
  for (const key of Object.keys(input)) {
    if (!['window', 'for', 'min_samples'].includes(key)) {
      fail('defaults', `unknown key "${key}"; use window, for, min_samples`);
    }
  }
  return input as Record<string, unknown>;
}

function explicitRules(
  list: unknown,
  defaults: Record<string, unknown>,
  ctx: Ctx,
  rules: ThresholdRule[],
  fail: (key: string, problem: string) => never,
): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) fail('rules', 'must be a list of rules');
  (list as unknown[]).forEach((item, i) => {
    const path: Path = ['rules', i];
    const fallback = `rule-${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      guard(ctx, () => {
        throw new ThresholdConfigError('must be a map', {
          rule: fallback, key: 'rules', ...place(ctx, path),
        });
      });
      return;
    }
    const o = item as Record<string, unknown>;
    const badKey = Object.keys(o).find((key) => !RULE_KEYS.includes(key));
    if (badKey !== undefined) {
      guard(ctx, () => {
        throw new ThresholdConfigError(`unknown key; expected ${RULE_KEYS.join(', ')}`, {
          rule: typeof o.name === 'string' ? o.name : fallback,
          key: badKey,
          ...place(ctx, [...path, badKey]),
        });
      });
      return;
    }
    const raw: RawRule = { ...defaults, ...o, stat: o.stat ?? o.statistic };
    add(rules, raw, path, ctx, fallback);
  });
}

function add(rules: ThresholdRule[], raw: RawRule, path: Path, ctx: Ctx, fallback: string): void {
  guard(ctx, () => {
    const locate = (key: string) => place(ctx, [...path, ...keyPath(key)]);
    const rule = compileRule(raw, locate, fallback);
    if (rules.some((r) => r.name === rule.name)) {
      throw new ThresholdConfigError('the rule name is used twice', {
        rule: rule.name, key: 'name', ...locate('name'),
      });
    }
    const line = ctx.line(path);
    const origin = [ctx.source, line].filter((x) => x !== undefined).join(':');
    rules.push(origin === '' ? rule : { ...rule, origin });
  });
}

/** `where.speech.model` → ['where', 'speech.model']. */
function keyPath(key: string): Path {
  const dot = key.indexOf('.');
  if (dot < 0) return [key];
  return [key.slice(0, dot), key.slice(dot + 1)];
}

function place(ctx: Ctx, path: Path): { line?: number; source?: string } {
  const line = ctx.line(path);
  return {
    ...(line !== undefined ? { line } : {}),
    ...(ctx.source !== undefined ? { source: ctx.source } : {}),
  };
}
