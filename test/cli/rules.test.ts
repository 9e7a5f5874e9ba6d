import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../thresholds/helpers.js';
import { run } from './check.test.js';

describe('speechmetry rules', () => {
  it('prints Prometheus rules to standard output', async () => {
    const r = await run(['rules', 'examples/thresholds.yaml']);
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as { groups: { rules: { alert?: string; record?: string }[] }[] };
    expect(doc.groups[0]!.rules.filter((x) => x.alert).map((x) => x.alert)).toEqual([
      'mt_latency_p95', 'mt_errors', 'mt_bleu', 'tts_first_audio_p95', 'asr_latency_spike']);
  });

  it('writes to -o PATH with the chosen naming', async () => {
    const out = join(tempDir('cli'), 'rules.yaml');
    const r = await run(['rules', 'examples/thresholds.yaml', '-o', out, '--naming', 'otlp']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('speech_translation_duration_seconds_bucket');
    expect((await run(['rules', 'examples/thresholds.yaml', '--naming', 'x'])).code).toBe(2);
  });
});
