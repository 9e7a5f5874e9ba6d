/**
 * Captures everything a test process says: diag messages at the most
 * verbose level, console calls and direct writes to stdout and stderr.
 * Shared by the canary, secret and environment tests.
 */
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { inspect } from 'node:util';
import { vi } from 'vitest';

/** One captured message. */
export interface Said {
  channel: string;
  text: string;
}

/** What {@link captureOutput} returns. */
export interface Capture {
  readonly said: Said[];
  /** Messages of one diag level (`warn`, `error`, …). */
  diag(level: string): string[];
  /** Stops capturing and restores the logger and the streams. */
  stop(): void;
}

/** Renders logged arguments as fully as a log sink would. */
export function render(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a, {
    depth: 20, maxArrayLength: Infinity, maxStringLength: Infinity, breakLength: Infinity,
  }))).join(' ');
}

/** Starts capturing at `DiagLogLevel.ALL`. */
export function captureOutput(): Capture {
  const said: Said[] = [];
  const push = (channel: string) => (...args: unknown[]): void => {
    said.push({ channel, text: render(args) });
  };
  const logger: DiagLogger = {
    error: push('diag.error'),
    warn: push('diag.warn'),
    info: push('diag.info'),
    debug: push('diag.debug'),
    verbose: push('diag.verbose'),
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(push(`console.${m}`))),
    ...(['stdout', 'stderr'] as const).map((s) => {
      const stream = process[s];
      const original = stream.write.bind(stream);
      return vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
        said.push({ channel: s, text: Buffer.isBuffer(chunk) ? chunk.toString() : String(chunk) });
        return original(chunk as string, ...rest);
      }) as typeof stream.write);
    }),
  ];
  return {
    said,
    diag: (level) => said.filter((s) => s.channel === `diag.${level}`).map((s) => s.text),
    stop() {
      for (const spy of spies) spy.mockRestore();
      diag.disable();
    },
  };
}

/** Every place in `haystack` where `needle` occurs, with some context. */
export function occurrences(haystack: string, needle: string): string[] {
  const out: string[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    out.push(haystack.slice(Math.max(0, i - 60), i + needle.length + 60));
  }
  return out;
}
