import { runDemo } from '../demo/run.js';
import type { CliCommand, CliIo } from './types.js';

const HELP = `usage: speechmetry demo [--duration SECONDS] [--rate TURNS_PER_SECOND]
                       [--seed N] [--thresholds FILE] [--synthetic-audio]

Runs a small speech-translation service (ASR → MT → TTS) under load for
--duration seconds (default 30), exports its telemetry over OTLP to an
embedded receiver and shows what the receiver decodes, live. With
OTEL_EXPORTER_OTLP_ENDPOINT set it exports there instead.
`;

interface Parsed {
  durationSeconds?: number;
  rate?: number;
  seed?: number;
  thresholdsFile?: string;
  syntheticAudio?: boolean;
  help?: boolean;
}

function parse(argv: string[]): Parsed | string {
  const out: Parsed = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--synthetic-audio') out.syntheticAudio = true;
    else if (flag === '--thresholds') out.thresholdsFile = value();
    else if (flag === '--duration' || flag === '--rate' || flag === '--seed') {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) return `${flag} needs a positive number`;
      if (flag === '--duration') out.durationSeconds = n;
      else if (flag === '--rate') out.rate = n;
      else out.seed = n;
    } else return `unknown option ${arg}`;
  }
  return out;
}

/** `speechmetry demo`: the live speech-translation demo. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'run a speech-translation service under load and watch its telemetry',
  async run(argv: string[], io: CliIo): Promise<number> {
    const parsed = parse(argv);
    if (typeof parsed === 'string') {
      io.stderr.write(`speechmetry demo: ${parsed}\n${HELP}`);
      return 2;
    }
    if (parsed.help === true) {
      io.stdout.write(HELP);
      return 0;
    }
    return runDemo({ ...parsed, stdout: io.stdout, env: io.env });
  },
};
