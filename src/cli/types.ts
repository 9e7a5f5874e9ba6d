/** Where a CLI command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** One subcommand: `speechmetry NAME …`. Returns the exit code. */
export interface CliCommand {
  readonly name: string;
  /** One line for `speechmetry --help`. */
  readonly summary: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
