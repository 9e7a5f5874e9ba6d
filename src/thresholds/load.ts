import { readFileSync } from 'node:fs';
import type { Env } from '../config/env.js';
import { envString } from '../config/env.js';
import { reporter } from '../internal/report.js';
import { ThresholdConfigError } from './errors.js';
import { DEFAULT_EVALUATION_INTERVAL_MS, parseThresholds } from './parse.js';
import type { ParseThresholdsOptions } from './parse.js';
import type { ParsedThresholds } from './types.js';

/**
 * Reads and parses a rule file (YAML or JSON).
 * @throws {@link ThresholdConfigError} when the file cannot be read or a
 * rule is invalid (unless `lenient`).
 * @public
 */
export function loadThresholds(
  path: string,
  options: ParseThresholdsOptions = {},
): ParsedThresholds {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const failure = new ThresholdConfigError(`cannot read the file (${code})`, {
      key: 'file',
      source: path,
    });
    if (!options.lenient) throw failure;
    return {
      rules: [],
      ignored: [],
      evaluationIntervalMs: DEFAULT_EVALUATION_INTERVAL_MS,
      problems: [failure.message],
    };
  }
  return parseThresholds(text, { source: path, ...options });
}

/**
 * Loads the rules named by `SPEECHMETRY_THRESHOLDS`, leniently: a bad rule
 * is disabled with one warning, an unreadable file gives one warning and
 * no rules; nothing throws. Ignored product keys are listed in one
 * informational message. Returns undefined when the variable is unset.
 * @public
 */
export function loadThresholdsFromEnv(env: Env = process.env): ParsedThresholds | undefined {
  const path = envString(env, 'SPEECHMETRY_THRESHOLDS');
  if (path === undefined) return undefined;
  const parsed = loadThresholds(path, { lenient: true });
  const log = reporter();
  for (const problem of parsed.problems) {
    log.warnOnce(`thresholds:${problem}`,
      () => `SPEECHMETRY_THRESHOLDS: ${problem}; rule disabled`);
  }
  if (parsed.ignored.length > 0) {
    try {
      log.logger.info(`SPEECHMETRY_THRESHOLDS: ignored keys: ${parsed.ignored.join('; ')}`);
    } catch {
      // A host logger that throws must not stop setup.
    }
  }
  return parsed;
}
