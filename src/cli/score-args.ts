/**
 * Command-line arguments of `speechmetry score`, spelled like sacreBLEU's
 * (`-i`, `-m`, `-tok`, `-lc`, `-w`, `-sl`) and jiwer's (`-r`).
 */
import {
  BLEU_TOKENIZERS, type BleuTokenizer,
} from '../quality/tokenizers/index.js';

/** Metrics the command computes, in the order it prints them. */
export const SCORE_METRICS = [
  'bleu', 'chrf', 'chrf++', 'ter', 'wer', 'cer',
] as const;

/** A metric name of `--metrics`. */
export type ScoreMetric = (typeof SCORE_METRICS)[number];

/** Parsed arguments. */
export interface ScoreArgs {
  references: string[];
  /** Hypothesis file; `-` or absent means stdin. */
  input: string | undefined;
  metrics: ScoreMetric[];
  tokenize: BleuTokenizer;
  lowercase: boolean;
  sentence: boolean;
  json: boolean;
  width: number;
  help: boolean;
}

/** A usage problem; the command prints it and exits with code 2. */
export class UsageError extends Error {}

export const SCORE_USAGE = `usage: speechmetry score -r REF [REF ...] [-i HYP] [options]

Scores a hypothesis file (one segment per line; - or no -i for stdin)
against one or more reference files with sacreBLEU's BLEU / chrF and
jiwer's WER / CER (sacreBLEU's TER too).

options:
  -r, --reference REF [REF ...]  reference files (also as plain arguments)
  -i, --input HYP                hypothesis file, - for stdin
  -m, --metrics NAME [NAME ...]  ${SCORE_METRICS.join(' ')} (default: bleu)
  -tok, --tokenize NAME          BLEU tokenizer: ${BLEU_TOKENIZERS.join(' ')} (default: 13a)
  -lc, --lowercase               case-insensitive scores
  -sl, --sentence                one score per line (one metric only)
  --json                         JSON output (sacreBLEU's shape)
  -w, --width N                  decimals of BLEU/chrF (default: 1)
  -h, --help                     this help
`;

type Flag = 'lowercase' | 'sentence' | 'json' | 'help';

const FLAGS: Record<string, Flag> = {
  '-lc': 'lowercase', '--lowercase': 'lowercase',
  '-sl': 'sentence', '--sentence': 'sentence', '--sentence-level': 'sentence',
  '--json': 'json', '-h': 'help', '--help': 'help',
};

type Valued = 'references' | 'input' | 'metrics' | 'tokenize' | 'width';

const VALUED: Record<string, Valued> = {
  '-r': 'references', '--reference': 'references', '--references': 'references',
  '-i': 'input', '--input': 'input',
  '-m': 'metrics', '--metrics': 'metrics',
  '-tok': 'tokenize', '--tokenize': 'tokenize',
  '-w': 'width', '--width': 'width',
};

const MULTI = new Set(['references', 'metrics']);

function isOption(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

/** Parses the arguments after `score`; throws UsageError. */
export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  const args: ScoreArgs = {
    references: [], input: undefined, metrics: [], tokenize: '13a',
    lowercase: false, sentence: false, json: false, width: 1, help: false,
  };
  let i = 0;
  while (i < argv.length) {
    const raw = argv[i]!;
    i += 1;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? [raw.slice(eq + 1)] : [];

    if (!isOption(raw)) {
      args.references.push(raw);
      continue;
    }
    const flag = FLAGS[name];
    if (flag !== undefined && inline.length === 0) {
      args[flag] = true;
      continue;
    }
    const key = VALUED[name];
    if (key === undefined) throw new UsageError(`unknown option ${name}`);

    const values = inline;
    if (values.length === 0 || MULTI.has(key)) {
      while (i < argv.length && !isOption(argv[i]!)) {
        values.push(argv[i]!);
        i += 1;
        if (!MULTI.has(key)) break;
      }
    }
    if (values.length === 0) throw new UsageError(`${name} needs a value`);
    apply(args, key, values, name);
  }
  if (args.metrics.length === 0) args.metrics = ['bleu'];
  return args;
}

function apply(
  args: ScoreArgs,
  key: Valued,
  values: string[],
  name: string,
): void {
  const value = values[0]!;
  if (key === 'references') {
    args.references.push(...values);
  } else if (key === 'input') {
    args.input = value;
  } else if (key === 'metrics') {
    for (const m of values) {
      const metric = m.toLowerCase();
      if (!(SCORE_METRICS as readonly string[]).includes(metric)) {
        const known = SCORE_METRICS.join(', ');
        throw new UsageError(`unknown metric "${m}" (${known})`);
      }
      if (!args.metrics.includes(metric as ScoreMetric)) {
        args.metrics.push(metric as ScoreMetric);
      }
    }
  } else if (key === 'tokenize') {
    if (!(BLEU_TOKENIZERS as readonly string[]).includes(value)) {
      const known = BLEU_TOKENIZERS.join(', ');
      throw new UsageError(`unknown tokenizer "${value}" (${known})`);
    }
    args.tokenize = value as BleuTokenizer;
  } else {
    const width = Number(value);
    if (!/^\d+$/.test(value) || width > 20) {
      throw new UsageError(`${name} needs an integer from 0 to 20`);
    }
    args.width = width;
  }
}
