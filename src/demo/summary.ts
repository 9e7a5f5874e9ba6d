/**
 * The summary printed when the demo ends: whole-run figures per stage and
 * language pair (from the received histograms), corpus scores from the
 * scorers, and each rule's history.
 */
import type { AlertEvent, SpeechTelemetry } from '../index.js';
import { bleu, chrf } from '../quality/index.js';
import type { OtlpReceiver } from '../receiver/index.js';
import { DEMO_LANGUAGES } from './corpus.js';
import type { Figures } from './figures.js';
import type { LoadResult } from './load.js';
import { renderRules, renderTable } from './render.js';
import { buildRows } from './table.js';

/** What the summary is made of. */
export interface SummaryInput {
  figures: Figures;
  load: LoadResult;
  events: AlertEvent[];
  startedAt: number;
  receiver: OtlpReceiver | undefined;
  external: string;
  telemetry: SpeechTelemetry;
}

/** The summary text. */
export function renderSummary(s: SummaryInput): string {
  const lines = ['', '=== summary (whole run) ==='];
  if (s.receiver !== undefined) lines.push(...renderTable(buildRows(s.figures, DEMO_LANGUAGES)));
  lines.push(
    '',
    `turns: ${s.load.started} started, ${s.load.succeeded} succeeded, ` +
      `${s.load.skipped} skipped (too many in flight)`,
    ...corpusScores(s.load),
    '',
    'threshold rules:',
    ...renderRules(s.telemetry.thresholds.status()),
    ...ruleHistories(s.events, s.startedAt),
    '',
    transport(s),
    '',
  );
  return lines.join('\n');
}

function corpusScores(load: LoadResult): string[] {
  const out: string[] = [];
  for (const [language, served] of Object.entries(load.served)) {
    if (served.hypotheses.length === 0) continue;
    const b = bleu(served.hypotheses, [served.references]);
    const c = chrf(served.hypotheses, [served.references]);
    out.push(
      `corpus en→${language}: BLEU ${b.score.toFixed(1)}, chrF ${c.score.toFixed(1)} ` +
        `over ${served.hypotheses.length} served translations`,
    );
  }
  return out;
}

function ruleHistories(events: AlertEvent[], startedAt: number): string[] {
  const byRule = new Map<string, AlertEvent[]>();
  for (const e of events) byRule.set(e.rule, [...(byRule.get(e.rule) ?? []), e]);
  const out: string[] = [];
  for (const [rule, list] of byRule) {
    const steps = list.map((e) => `${e.state} at ${((e.at - startedAt) / 1000).toFixed(1)}s`);
    out.push(`history ${rule}: ${steps.join(' → ')}`);
  }
  if (out.length === 0) out.push('history: no rule changed state');
  return out;
}

function transport(s: SummaryInput): string {
  if (s.receiver === undefined) return `telemetry was exported to ${s.external}`;
  const st = s.receiver.stats();
  return (
    `receiver: ${st.accepted.metrics} metric and ${st.accepted.traces} trace exports, ` +
    `${(st.wireBytes / 1024).toFixed(0)} KiB of OTLP/protobuf decoded, ` +
    `${s.receiver.spans().length} spans kept`
  );
}
