import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { Reporter, WARN_INTERVAL_MS } from '../../src/internal/report.js';

function capture(): { warnings: string[]; logger: DiagLogger } {
  const warnings: string[] = [];
  const push = (...args: unknown[]) => warnings.push(args.join(' '));
  const logger = { error: push, warn: push, info: () => {}, debug: () => {}, verbose: () => {} };
  return { warnings, logger };
}

afterEach(() => diag.disable());

describe('Reporter', () => {
  it('turns 10,000 bad records of one cause into one warning per interval', () => {
    const { warnings, logger } = capture();
    diag.setLogger(logger, DiagLogLevel.WARN);
    let now = 0;
    const r = new Reporter('test', () => now);
    for (let i = 0; i < 10_000; i++) r.drop('invalid_value', 'speech.asr.duration');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('speech.asr.duration');
    expect(r.dropped().invalid_value).toBe(10_000);

    now += WARN_INTERVAL_MS;
    r.drop('invalid_value', 'speech.asr.duration');
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain('9999 more since the last warning');
  });

  it('warns separately per cause', () => {
    const { warnings, logger } = capture();
    diag.setLogger(logger, DiagLogLevel.WARN);
    const r = new Reporter('test', () => 0);
    r.drop('invalid_value', 'a');
    r.drop('invalid_value', 'b');
    r.drop('ended_twice', 'a');
    expect(warnings).toHaveLength(3);
  });
});
