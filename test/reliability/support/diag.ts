/** Captures what reaches the OpenTelemetry diag logger, to count warnings. */
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';

/** One captured diag line. */
export interface DiagLine {
  level: 'error' | 'warn' | 'info' | 'debug' | 'verbose';
  text: string;
}

/** A diag logger that keeps every line it gets; install with {@link captureDiag}. */
export interface DiagCapture {
  readonly lines: DiagLine[];
  /** The lines of speechmetry's own component logger. */
  ours(level?: DiagLine['level']): DiagLine[];
  restore(): void;
}

function join(message: string, args: unknown[]): string {
  return [message, ...args].map((a) => {
    try {
      return typeof a === 'string' ? a : String((a as Error)?.message ?? a);
    } catch {
      return '[unprintable]';
    }
  }).join(' ');
}

/** Installs a capturing diag logger at `level` (default warn). */
export function captureDiag(level = DiagLogLevel.WARN): DiagCapture {
  const lines: DiagLine[] = [];
  const keep = (l: DiagLine['level']) => (message: string, ...args: unknown[]) => {
    lines.push({ level: l, text: join(message, args) });
  };
  const logger: DiagLogger = {
    error: keep('error'), warn: keep('warn'), info: keep('info'),
    debug: keep('debug'), verbose: keep('verbose'),
  };
  diag.setLogger(logger, { logLevel: level, suppressOverrideMessage: true });
  return {
    lines,
    ours: (l) => lines.filter((x) =>
      x.text.startsWith('speechmetry') && (l === undefined || x.level === l)),
    restore: () => diag.disable(),
  };
}
