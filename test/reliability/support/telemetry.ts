/** Telemetry set up for the reliability tests, and a rules file for it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A rules file with one rule per family, firing easily, so hostile
 * records also reach the threshold windows and the evaluation.
 */
export function rulesFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'speechmetry-reliability-'));
  const path = join(dir, 'rules.yaml');
  const rule = (name: string, metric: string, stat: string, condition = '"< 1ms"') => [
    `  - name: ${name}`,
    `    metric: ${metric}`,
    `    stat: ${stat}`,
    `    condition: ${condition}`,
    '    window: 60s',
    '    for: 0s',
    '    min_samples: 1',
    '    severity: high',
    '    group_by: [speech.model]',
  ];
  writeFileSync(path, [
    'evaluation_interval: 1s',
    'rules:',
    ...rule('asr-max', 'speech.asr.duration', 'max'),
    ...rule('mt-p95', 'speech.translation.duration', 'p95'),
    ...rule('tts-errors', 'speech.tts.duration', 'error_ratio', '"< 0.01"'),
  ].join('\n'));
  return path;
}

/** An environment with nothing set, so the host's variables do not leak in. */
export const EMPTY_ENV: Record<string, string | undefined> = {};
