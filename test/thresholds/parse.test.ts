import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadThresholds,
  loadThresholdsFromEnv,
  parseThresholds,
  ThresholdConfigError,
  type ThresholdRule,
} from '../../src/thresholds/index.js';
import { tempDir } from './helpers.js';

const ISSUE_EXAMPLE = `translation_performance_config:
  latency_metrics:
    target_p50_latency: "< 200ms"
    target_p95_latency: "< 800ms"
    target_p99_latency: "< 2000ms"
  quality_metrics:
    target_bleu_score: "> 0.4"
    target_comet_score: "> 0.7"
    target_chrf_score: "> 0.55"
    quality_threshold_alert: "< 0.3 BLEU"
  throughput_metrics:
    target_rps: "> 100"
    queue_depth_alert_threshold: "> 1000"
analytics_config:
  key_performance_indicators:
    latency: { target: "< 500ms p95", alert_threshold: "> 1000ms p95" }
    quality: { target: "> 0.4 BLEU score", alert_threshold: "< 0.3 BLEU score" }
`;

function byName(rules: ThresholdRule[], name: string): ThresholdRule {
  const rule = rules.find((r) => r.name === name);
  if (rule === undefined) throw new Error(`no rule ${name}`);
  return rule;
}

function cond(rule: ThresholdRule) {
  if (rule.condition.kind !== 'static') throw new Error('not static');
  return [rule.metric, rule.stat, rule.condition.op, rule.condition.threshold, rule.severity];
}

describe('product documents form', () => {
  const parsed = parseThresholds(ISSUE_EXAMPLE, { source: 'perf.yaml' });
  const t = 'translation_performance_config';
  const kpi = 'analytics_config.key_performance_indicators';

  it('maps every key of the issue example to a rule', () => {
    const table: [string, unknown[]][] = [
      [`${t}.latency_metrics.target_p50_latency`, ['speech.translation.duration', 'p50', '<', 0.2, 'medium']],
      [`${t}.latency_metrics.target_p95_latency`, ['speech.translation.duration', 'p95', '<', 0.8, 'medium']],
      [`${t}.latency_metrics.target_p99_latency`, ['speech.translation.duration', 'p99', '<', 2, 'medium']],
      [`${t}.quality_metrics.target_bleu_score`, ['speech.translation.quality.bleu', 'mean', '>', 0.4, 'medium']],
      [`${t}.quality_metrics.target_comet_score`, ['speech.translation.quality.comet', 'mean', '>', 0.7, 'medium']],
      [`${t}.quality_metrics.target_chrf_score`, ['speech.translation.quality.chrf', 'mean', '>', 0.55, 'medium']],
      [`${t}.quality_metrics.quality_threshold_alert`, ['speech.translation.quality.bleu', 'mean', '>=', 0.3, 'high']],
      [`${t}.throughput_metrics.target_rps`, ['speech.translation.duration', 'rate', '>', 100, 'medium']],
      [`${t}.throughput_metrics.queue_depth_alert_threshold`, ['speech.queue.size', 'max', '<=', 1000, 'high']],
      [`${kpi}.latency.target`, ['speech.translation.duration', 'p95', '<', 0.5, 'medium']],
      [`${kpi}.latency.alert_threshold`, ['speech.translation.duration', 'p95', '<=', 1, 'high']],
      [`${kpi}.quality.target`, ['speech.translation.quality.bleu', 'mean', '>', 0.4, 'medium']],
      [`${kpi}.quality.alert_threshold`, ['speech.translation.quality.bleu', 'mean', '>=', 0.3, 'high']],
    ];
    for (const [name, expected] of table) expect(cond(byName(parsed.rules, name)), name).toEqual(expected);
    expect(parsed.rules).toHaveLength(table.length);
    expect(parsed.ignored).toEqual([]);
  });

  it('records where each rule came from', () => {
    expect(byName(parsed.rules, `${t}.latency_metrics.target_p95_latency`).origin).toBe('perf.yaml:4');
  });

  it('reports keys without in-process meaning by name', () => {
    const p = parseThresholds({
      translation_performance_config: {
        cost_metrics: { target_cost_per_request: '< 0.01' },
        resource_metrics: { target_cpu_utilization: '< 70%' },
        target_wer_drift: 'sometimes',
      },
      analytics_config: { key_performance_indicators: { user_satisfaction: { target: '> 4.5' } } },
    });
    expect(p.rules).toEqual([]);
    expect(p.ignored.map((s) => s.split(':')[0])).toEqual([
      'translation_performance_config.cost_metrics.target_cost_per_request',
      'translation_performance_config.resource_metrics.target_cpu_utilization',
      'translation_performance_config.target_wer_drift',
      'analytics_config.key_performance_indicators.user_satisfaction.target',
    ]);
  });

  it('maps the ASR and TTS siblings', () => {
    const p = parseThresholds({
      asr_performance_config: { target_wer: '< 0.15', target_rtf: '< 0.5', wer_alert_threshold: '> 0.25' },
      tts_performance_config: { target_time_to_first_audio: '< 300ms', target_mos: '> 4' },
      analytics_config: { key_performance_indicators: { availability: { target: '> 99.9%' } } },
    });
    const rows = p.rules.map(cond);
    expect(rows).toEqual([
      ['speech.asr.word_error_rate', 'mean', '<', 0.15, 'medium'],
      ['speech.asr.real_time_factor', 'p95', '<', 0.5, 'medium'],
      ['speech.asr.word_error_rate', 'mean', '<=', 0.25, 'high'],
      ['speech.tts.time_to_first_audio', 'p95', '<', 0.3, 'medium'],
      ['speech.tts.naturalness', 'mean', '>', 4, 'medium'],
      ['speech.translation.duration', 'error_ratio', '<', expect.closeTo(0.001, 9), 'medium'],
    ]);
  });
});

describe('explicit form', () => {
  const yaml = `evaluation_interval: 10s
rules:
  - name: mt-latency-p95
    metric: speech.translation.duration
    stat: p95
    condition: "< 800ms"
    window: 60s
    for: 30s
    min_samples: 20
    severity: high
    where: { speech.target_language: de }
    group_by: [speech.model]
  - name: bleu
    metric: speech.translation.quality.bleu
    stat: mean
    condition: "> 40"
  - name: spike
    metric: speech.asr.duration
    stat: p95
    condition: "> 2_sigma"
    baseline: { warmup: 10m, half_life: 1h }
`;

  it('reads every field', () => {
    const p = parseThresholds(yaml);
    expect(p.evaluationIntervalMs).toBe(10_000);
    expect(p.rules[0]).toMatchObject({
      name: 'mt-latency-p95', metric: 'speech.translation.duration', stat: 'p95',
      condition: { kind: 'static', op: '<', threshold: 0.8 }, windowMs: 60_000, forMs: 30_000,
      minSamples: 20, severity: 'high', where: { 'speech.target_language': 'de' },
      groupBy: ['speech.model'],
    });
    // BLEU written on sacreBLEU's 0–100 scale compares to the recorded ÷ 100.
    expect(p.rules[1]!.condition).toMatchObject({ op: '>', threshold: 0.4 });
    expect(p.rules[2]!.condition).toEqual({
      kind: 'baseline', direction: 'above', sigma: 2, warmupMs: 600_000,
      halfLifeMs: 3_600_000, text: '> 2_sigma',
    });
  });

  it('reads JSON the same way', () => {
    const json = JSON.stringify({ rules: [{ name: 'x', metric: 'speech.tts.duration',
      stat: 'p99', condition: '<= 2s' }] });
    expect(parseThresholds(json).rules[0]!.condition).toMatchObject({ op: '<=', threshold: 2 });
  });

  it.each([
    ['< 800ms', 0.8], ['<= 2s', 2], ['< 1m', 60], ['> 0.4', 0.4], ['< 0.3 BLEU', 0.3],
    ['> 0.4 BLEU score', 0.4],
  ])('reads the condition %s', (text, threshold) => {
    const metric = text.includes('BLEU') || text.includes('0.4')
      ? 'speech.translation.quality.bleu' : 'speech.translation.duration';
    const stat = metric.endsWith('bleu') ? 'mean' : 'p95';
    const p = parseThresholds({ rules: [{ name: 'r', metric, stat, condition: text }] });
    expect(p.rules[0]!.condition).toMatchObject({ threshold });
  });
});

describe('errors', () => {
  const cases: [string, string, number][] = [
    ['condition: "< fast"', 'condition', 5],
    ['condition: "< 800ms"\n    stat: p42', 'stat', 6],
    ['condition: "< 800ms"\n    window: -5s', 'window', 6],
    ['condition: "< 800ms"\n    group_by: [error.type]', 'group_by', 6],
    ['condition: "< 800ms"\n    severity: urgent', 'severity', 6],
    ['condition: "< 800ms"\n    windw: 5s', 'windw', 6],
  ];
  it.each(cases)('names the key and line for %s', (extra, key, line) => {
    const text = `rules:\n  - name: bad\n    metric: speech.translation.duration\n    min_samples: 1\n    ${extra}\n`;
    let error: unknown;
    try {
      parseThresholds(text, { source: 'rules.yaml' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ThresholdConfigError);
    expect(error).toMatchObject({ rule: 'bad', key, line, source: 'rules.yaml' });
    expect((error as Error).message).toContain(`rules.yaml:${line}`);
  });

  it('rejects an unknown metric in code config', () => {
    expect(() => parseThresholds({ rules: [{ name: 'x', metric: 'speech.nope', condition: '< 1s' }] }))
      .toThrow(/rule "x", key "metric": unknown metric/);
  });

  it('disables only the bad rule when lenient', () => {
    const p = parseThresholds({ rules: [
      { name: 'good', metric: 'speech.tts.duration', condition: '< 1s' },
      { name: 'bad', metric: 'speech.tts.duration', condition: '< soon' },
    ] }, { lenient: true });
    expect(p.rules.map((r) => r.name)).toEqual(['good']);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toContain('"bad"');
  });

  it('loads from SPEECHMETRY_THRESHOLDS without throwing', () => {
    const dir = tempDir('thr');
    const file = join(dir, 't.yaml');
    writeFileSync(file, 'rules:\n  - name: a\n    metric: speech.asr.duration\n    condition: "< 1s"\n' +
      '  - name: b\n    metric: speech.asr.duration\n    condition: "<< 1s"\n');
    const p = loadThresholdsFromEnv({ SPEECHMETRY_THRESHOLDS: file });
    expect(p?.rules.map((r) => r.name)).toEqual(['a']);
    expect(p?.problems[0]).toMatch(/t\.yaml:7/);
    expect(loadThresholdsFromEnv({})).toBeUndefined();
    const missing = loadThresholdsFromEnv({ SPEECHMETRY_THRESHOLDS: join(dir, 'none.yaml') });
    expect(missing?.rules).toEqual([]);
    expect(() => loadThresholds(join(dir, 'none.yaml'))).toThrow(ThresholdConfigError);
  });

  it('names the line of a YAML syntax error', () => {
    expect(() => parseThresholds('rules:\n  - name: a\n   bad: [\n', { source: 'f.yaml' }))
      .toThrow(/f\.yaml:\d+/);
  });
});
