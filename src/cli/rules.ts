import { writeFileSync } from 'node:fs';
import { generatePrometheusRules } from '../thresholds/prometheus.js';
import type { PrometheusNaming } from '../thresholds/names.js';
import { loadForCli } from './check.js';
import type { CliCommand, CliIo } from './types.js';

/** Reads `FILE [-o PATH] [--naming any|exporter|otlp]`. */
export function readArgs(argv: string[]): {
  file?: string;
  out?: string;
  naming: PrometheusNaming;
  error?: string;
} {
  let file: string | undefined;
  let out: string | undefined;
  let naming: PrometheusNaming = 'any';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-o' || a === '--output') out = argv[++i];
    else if (a === '--naming') {
      const v = argv[++i];
      if (v !== 'any' && v !== 'exporter' && v !== 'otlp') {
        return { naming, error: '--naming must be any, exporter or otlp' };
      }
      naming = v;
    } else if (file === undefined) file = a;
    else return { naming, error: `unexpected argument "${a}"` };
  }
  return { file, out, naming };
}

/** Writes generated text to `-o PATH` or standard output. */
export function emit(text: string, out: string | undefined, io: CliIo, command: string): number {
  if (out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  try {
    writeFileSync(out, text);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    io.stderr.write(`speechmetry ${command}: cannot write ${out} (${code})\n`);
    return 1;
  }
}

/** `speechmetry rules FILE [-o PATH]`: Prometheus rules for the file's rules. */
export const rulesCommand: CliCommand = {
  name: 'rules',
  summary: 'write Prometheus recording and alerting rules for a thresholds file',
  async run(argv, io) {
    const args = readArgs(argv);
    if (args.error !== undefined) {
      io.stderr.write(`speechmetry rules: ${args.error}\n`);
      return 2;
    }
    const parsed = loadForCli(args.file, io, 'rules');
    if (parsed === undefined) return 2;
    const text = generatePrometheusRules(parsed.rules, {
      naming: args.naming,
      intervalMs: parsed.evaluationIntervalMs,
    });
    return emit(text, args.out, io, 'rules');
  },
};
