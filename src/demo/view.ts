/**
 * The live view: redrawn in place every second on a terminal, printed as
 * one status line a second otherwise.
 */
import type { SpeechTelemetry } from '../index.js';
import type { DemoLanguage } from './corpus.js';
import type { Figures } from './figures.js';
import { renderRules, renderStatusLine, renderTable } from './render.js';
import { buildRows } from './table.js';

/** Window of the live figures, in milliseconds. */
export const LIVE_WINDOW_MS = 5_000;
const LOG_LINES = 8;

/** Renders the receiver's figures and the rule states each second. */
export class LiveView {
  private timer: NodeJS.Timeout | undefined;
  private readonly logLines: string[] = [];
  private readonly tty: boolean;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly figures: Figures,
    private readonly telemetry: SpeechTelemetry,
    private readonly languages: readonly DemoLanguage[],
    private readonly startedAt: number,
  ) {
    this.tty = out.isTTY === true;
  }

  /** Starts redrawing every second. */
  start(): void {
    this.timer = setInterval(() => this.draw(), 1000);
  }

  /** Stops redrawing (the last frame stays on screen). */
  stop(): void {
    clearInterval(this.timer);
    if (this.tty) this.draw();
  }

  /** Adds a line to the event log (printed at once when not a terminal). */
  log(line: string): void {
    if (!this.tty) {
      this.out.write(`${line}\n`);
      return;
    }
    this.logLines.push(line);
    if (this.logLines.length > LOG_LINES) this.logLines.shift();
  }

  private draw(): void {
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const rows = buildRows(this.figures, this.languages, LIVE_WINDOW_MS);
    const rules = this.telemetry.thresholds.status();
    if (!this.tty) {
      this.out.write(`${renderStatusLine(elapsed, rows, rules)}\n`);
      return;
    }
    const frame = [
      `speechmetry demo — ${elapsed.toFixed(0)}s — figures over the last ` +
        `${LIVE_WINDOW_MS / 1000}s, decoded from OTLP`,
      '',
      ...renderTable(rows),
      '',
      'threshold rules:',
      ...renderRules(rules),
      '',
      'events:',
      ...this.logLines,
    ];
    // Home the cursor, draw, and clear what an older, longer frame left.
    this.out.write(`\x1b[H\x1b[2J${frame.join('\n')}\n`);
  }
}
