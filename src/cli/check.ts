import { loadThresholds } from '../thresholds/load.js';
import { ThresholdConfigError } from '../thresholds/errors.js';
import type { ThresholdRule } from '../thresholds/types.js';
import type { CliCommand, CliIo } from './types.js';

/** One line describing a rule as the monitor understood it. */
export function describeRule(rule: ThresholdRule): string {
  const c = rule.condition;
  const cond = c.kind === 'static'
    ? `healthy when ${c.op} ${c.threshold}`
    : `fires ${c.sigma} sigma ${c.direction} its baseline`;
  const where = Object.entries(rule.where).map(([k, v]) => `${k}=${v}`).join(',');
  const parts = [
    `${rule.name}:`,
    `${rule.stat}(${rule.metric})`,
    cond,
    `[${rule.condition.text}]`,
    `window ${rule.windowMs / 1000}s`,
    `for ${rule.forMs / 1000}s`,
    `min ${rule.minSamples}`,
    rule.severity,
  ];
  if (where !== '') parts.push(`where ${where}`);
  if (rule.groupBy.length > 0) parts.push(`by ${rule.groupBy.join(',')}`);
  return parts.join(' ');
}

/** Loads a rule file for a CLI command; writes the error and returns undefined. */
export function loadForCli(path: string | undefined, io: CliIo, command: string) {
  if (path === undefined) {
    io.stderr.write(`usage: speechmetry ${command} FILE\n`);
    return undefined;
  }
  try {
    return loadThresholds(path);
  } catch (error) {
    if (!(error instanceof ThresholdConfigError)) throw error;
    io.stderr.write(`speechmetry ${command}: ${error.message}\n`);
    return undefined;
  }
}

/** `speechmetry check FILE`: validates a thresholds file. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'validate a thresholds file and print the rules it defines',
  async run(argv, io) {
    const parsed = loadForCli(argv[0], io, 'check');
    if (parsed === undefined) return 2;
    for (const rule of parsed.rules) io.stdout.write(describeRule(rule) + '\n');
    for (const key of parsed.ignored) io.stdout.write(`ignored ${key}\n`);
    io.stdout.write(`${parsed.rules.length} rules, evaluated every ` +
      `${parsed.evaluationIntervalMs / 1000}s\n`);
    return 0;
  },
};
