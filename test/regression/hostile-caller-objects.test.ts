/**
 * Regression: attribute and result objects whose getters or proxy traps
 * throw, and bigint or object scores, reached the host as exceptions from
 * `start`, `recordErrorRates`, `recordQuality` and the pipeline stages
 * (found by test/reliability/no-throw-families.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { reporter } from '../../src/internal/report.js';
import { startTelemetry } from '../../src/setup/start.js';

const trap = (): never => {
  throw new Error('trap');
};
const proxy = (): never => new Proxy({}, { get: trap, has: trap, ownKeys: trap }) as never;
const getters = (): never => Object.defineProperty({}, 'model', { get: trap }) as never;

describe('caller objects that throw when read', () => {
  const t = startTelemetry({
    env: {}, metricsExporter: 'none', tracesExporter: 'none', registerGlobal: false,
  });
  afterAll(() => t.shutdown());

  it('are ignored and counted by start, on every family', () => {
    const before = reporter().dropped().invalid_type;
    expect(() => t.asr.start(proxy()).end()).not.toThrow();
    expect(() => t.translation.start(getters()).end()).not.toThrow();
    expect(() => t.tts.start(proxy()).end()).not.toThrow();
    expect(() => t.pipeline.start(proxy()).end()).not.toThrow();
    expect(reporter().dropped().invalid_type).toBe(before + 4);
  });

  it('are ignored by the pipeline stages, which still start', () => {
    const turn = t.pipeline.start({ sourceLanguage: 'en', targetLanguage: 'de' });
    const stages = [turn.asr(proxy()), turn.translation(getters()), turn.tts(proxy())];
    for (const op of stages) {
      expect(op.ended).toBe(false);
      op.end();
    }
    turn.end();
  });

  it('are ignored by the direct records', () => {
    expect(() => t.asr.recordErrorRates(proxy(), getters())).not.toThrow();
    expect(() => t.translation.recordQuality(proxy())).not.toThrow();
  });

  it('drop bigint and object scores as the wrong type instead of dividing them', () => {
    const before = reporter().dropped().invalid_type;
    expect(() => t.translation.recordQuality({ bleu: 40n as never, chrf: proxy() }))
      .not.toThrow();
    expect(reporter().dropped().invalid_type).toBe(before + 2);
  });
});
