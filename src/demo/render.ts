/**
 * Text rendering of the demo's view: the live table, the rule list and
 * the one-line status used when stdout is not a terminal.
 */
import type { AlertEvent, RuleStatus } from '../index.js';
import type { Row } from './table.js';

const COLUMNS: [header: string, width: number, cell: (r: Row) => string][] = [
  ['stage', 9, (r) => r.stage],
  ['pair', 6, (r) => r.pair],
  ['req', 5, (r) => String(r.requests)],
  ['req/s', 6, (r) => num(r.rate, 1)],
  ['p50', 7, (r) => secs(r.p50)],
  ['p95', 7, (r) => secs(r.p95)],
  ['p99', 7, (r) => secs(r.p99)],
  ['err', 6, (r) => pct(r.errorRatio)],
  ['RTF', 6, (r) => num(r.rtf, 3)],
  ['WER', 5, (r) => num(r.wer, 2)],
  ['BLEU', 5, (r) => num(r.bleu, 2)],
  ['chrF', 5, (r) => num(r.chrf, 2)],
  ['TTFA95', 7, (r) => secs(r.firstAudio)],
];

/** Seconds as `123ms` or `1.23s`; `-` when unknown. */
export function secs(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '-';
  return v < 1 ? `${Math.round(v * 1000)}ms` : `${v.toFixed(2)}s`;
}

function num(v: number | undefined, digits: number): string {
  return v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);
}

function pct(v: number | undefined): string {
  return v === undefined ? '-' : `${(v * 100).toFixed(1)}%`;
}

/** The table of rows, one line each, with a header. */
export function renderTable(rows: Row[]): string[] {
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(COLUMNS[i]![1]) : c.padStart(COLUMNS[i]![1]))).join(' ');
  return [
    line(COLUMNS.map(([h]) => h)),
    ...rows.map((r) => line(COLUMNS.map(([, , cell]) => cell(r)))),
  ];
}

const STATE_MARK: Record<string, string> = {
  ok: 'ok',
  pending: 'PENDING',
  firing: 'FIRING',
  resolved: 'resolved',
};

/** One line per rule and group: state, statistic, value and condition. */
export function renderRules(rules: RuleStatus[]): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    const groups = rule.groups.length > 0 ? rule.groups : [undefined];
    for (const g of groups) {
      const state = STATE_MARK[g?.state ?? 'ok'] ?? String(g?.state);
      const value = g === undefined ? '-' : ruleValue(rule.metric, g.value);
      out.push(
        `${state.padEnd(9)} ${rule.rule}  ${rule.statistic}=${value} (healthy: ${rule.condition})`,
      );
    }
  }
  return out;
}

/** A rule value in the metric's unit: seconds as durations, scores as is. */
export function ruleValue(metric: string, value: number): string {
  if (!Number.isFinite(value)) return '-';
  const isDuration = /duration|time_to_first/.test(metric);
  return isDuration ? secs(value) : value.toFixed(3);
}

/** A state change, as printed in the log. */
export function renderEvent(e: AlertEvent, startedAt: number): string {
  const t = ((e.at - startedAt) / 1000).toFixed(1);
  return (
    `[${t.padStart(5)}s] rule ${e.rule}: ${e.previousState} → ${e.state}` +
    ` (${e.statistic}=${ruleValue(e.metric, e.value)}, healthy: ${e.condition})`
  );
}

/** The one-line status printed each second when stdout is not a terminal. */
export function renderStatusLine(elapsedS: number, rows: Row[], rules: RuleStatus[]): string {
  const p95 = (stage: Row['stage']): string =>
    rows
      .filter((r) => r.stage === stage)
      .map((r) => `${r.pair.replace('en→', '')} ${secs(r.p95)}`)
      .join(' ');
  const turns = rows
    .filter((r) => r.stage === 'pipeline')
    .reduce((sum, r) => sum + (r.rate ?? 0), 0);
  const firing = rules.filter((r) => r.groups.some((g) => g.state === 'firing')).length;
  return (
    `[${elapsedS.toFixed(0).padStart(3)}s] turns/s ${turns.toFixed(1)} | p95 ASR ${p95('ASR')}` +
    ` | MT ${p95('MT')} | TTS ${p95('TTS')} | rules firing: ${firing}`
  );
}
