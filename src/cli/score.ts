/**
 * `speechmetry score`: sacreBLEU's and jiwer's command lines in one.
 * Problems with the arguments or the files print one line on stderr and
 * exit with code 2.
 */
import { QualityInputError } from '../quality/errors.js';
import type { ProgressListener } from '../quality/metric.js';
import {
  parseScoreArgs, SCORE_USAGE, UsageError, type ScoreArgs,
} from './score-args.js';
import { InputError, readSegments } from './score-input.js';
import { RENDERERS, type ScoreData } from './score-metrics.js';
import type { CliCommand, CliIo } from './types.js';

// Below this many segments scoring takes well under a second (see
// bench/quality.mjs); a bar would only flicker.
const PROGRESS_MIN_SEGMENTS = 20_000;
const BAR_WIDTH = 30;

async function load(args: ScoreArgs, io: CliIo): Promise<ScoreData> {
  const hypotheses = await readSegments(args.input ?? '-', io.stdin);
  const references: string[][] = [];
  for (const path of args.references) {
    const refs = await readSegments(path, io.stdin);
    if (refs.length !== hypotheses.length) {
      throw new InputError(
        `${path} has ${refs.length} lines but the hypotheses have ` +
          `${hypotheses.length}`,
      );
    }
    references.push(refs);
  }
  return { hypotheses, references };
}

function progressBar(
  io: CliIo,
  label: string,
  total: number,
): ProgressListener | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  if (total < PROGRESS_MIN_SEGMENTS) return undefined;
  return (done) => {
    const filled = Math.round((done / total) * BAR_WIDTH);
    const bar = '#'.repeat(filled).padEnd(BAR_WIDTH, '.');
    const end = done === total ? '\r\x1b[K' : '';
    io.stderr.write(`\r${label} [${bar}] ${done}/${total}${end}`);
  };
}

/** sacreBLEU's layout: one JSON value, or text lines aligned on `=`. */
function layout(lines: string[], args: ScoreArgs): string {
  if (args.sentence || lines.length === 1) return lines.join('\n');
  if (args.json) return `[\n${lines.join(',\n')}\n]`;
  const lefts = lines.map((line) => line.indexOf('=') - 1);
  const width = Math.max(...lefts);
  return lines.map((line, i) =>
    line.slice(0, lefts[i]).padStart(width) + line.slice(lefts[i])).join('\n');
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`speechmetry score: ${message}\n`);
  return 2;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let args: ScoreArgs;
  try {
    args = parseScoreArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      return fail(io, `${error.message} (see --help)`);
    }
    throw error;
  }
  if (args.help) {
    io.stdout.write(SCORE_USAGE);
    return 0;
  }
  if (args.references.length === 0) {
    return fail(io, 'no reference file (-r REF)');
  }
  if (args.sentence && args.metrics.length > 1) {
    return fail(io, 'one metric only with --sentence');
  }

  try {
    const data = await load(args, io);
    const lines: string[] = [];
    for (const metric of args.metrics) {
      const bar = progressBar(io, metric, data.hypotheses.length);
      lines.push(...RENDERERS[metric](data, args, bar));
    }
    io.stdout.write(`${layout(lines, args)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError || error instanceof QualityInputError) {
      return fail(io, error.message);
    }
    throw error;
  }
}

/** The `score` subcommand. */
export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'BLEU, chrF, TER, WER, CER of a hypothesis file',
  run,
};
