import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One threshold rule, as the explicit YAML form writes it. */
export interface RuleSpec {
  name: string;
  metric: string;
  stat: string;
  condition: string;
  severity: string;
  groupBy?: string[];
}

/**
 * Writes a rules file with one rule that may fire on its first tick
 * (no `for`, one sample) and returns its path.
 */
export function oneRuleFile(rule: RuleSpec): string {
  const path = join(mkdtempSync(join(tmpdir(), 'speechmetry-rules-')), 'rules.yaml');
  const lines = [
    'evaluation_interval: 1s',
    'rules:',
    `  - name: ${rule.name}`,
    `    metric: ${rule.metric}`,
    `    stat: ${rule.stat}`,
    `    condition: "${rule.condition}"`,
    '    window: 60s',
    '    for: 0s',
    '    min_samples: 1',
    `    severity: ${rule.severity}`,
  ];
  if (rule.groupBy) lines.push(`    group_by: [${rule.groupBy.join(', ')}]`);
  writeFileSync(path, lines.join('\n'));
  return path;
}
