import type { CliCommand, CliIo } from './types.js';
import { VERSION } from '../version.js';
import { checkCommand } from './check.js';
import { rulesCommand } from './rules.js';
import { dashboardCommand } from './dashboard.js';
import { scoreCommand } from './score.js';
import { demoCommand } from './demo.js';

// Each subcommand lives in its own file and is listed here once.
const COMMANDS: CliCommand[] = [
  checkCommand, rulesCommand, dashboardCommand, scoreCommand, demoCommand,
];

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  return ['usage: speechmetry <command> [options]', '', 'commands:', ...lines, ''].join('\n');
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io?: Partial<CliIo>): Promise<number> {
  const streams: CliIo = {
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    stdin: io?.stdin ?? process.stdin,
    env: io?.env ?? process.env,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    streams.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    streams.stdout.write(`speechmetry ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    streams.stderr.write(`speechmetry: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  return command.run(rest, streams);
}
