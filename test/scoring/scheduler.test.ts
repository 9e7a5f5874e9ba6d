import { describe, expect, it } from 'vitest';
import { SpeechmetryConfigError } from '../../src/config/options.js';
import { sentenceBleu } from '../../src/quality/bleu.js';
import { sentenceChrf } from '../../src/quality/chrf.js';
import { cer, wer } from '../../src/quality/wer/index.js';
import { createScoringScheduler } from '../../src/scoring/scheduler.js';
import { dropsDuring, probe } from './helpers.js';

const inline = { workerPath: false as const, env: {} };

describe('built-in scores, off the critical path', () => {
  it('scores an ASR job with jiwer-equal WER and CER after submit returns', async () => {
    const s = createScoringScheduler(inline);
    const p = probe({ kind: 'asr', hypothesis: 'the cat sat on a mat' });
    expect(s.submit(p.job)).toBe(true);
    expect(p.scores).toEqual([]); // nothing happens inside submit
    await p.done;
    expect(p.scores).toEqual([{
      wer: wer('the cat sat on the mat', 'the cat sat on a mat'),
      cer: cer('the cat sat on the mat', 'the cat sat on a mat'),
    }]);
    expect(p.doneCount).toBe(1);
  });

  it('scores a translation job with sentence BLEU and chrF', async () => {
    const s = createScoringScheduler(inline);
    const refs = ['Die Katze sitzt auf der Matte.', 'Eine Katze saß auf der Matte.'];
    const p = probe({
      kind: 'translation', hypothesis: 'Die Katze saß auf der Matte.', references: refs,
    });
    s.submit(p.job);
    await p.done;
    expect(p.scores).toEqual([{
      bleu: sentenceBleu('Die Katze saß auf der Matte.', refs).score,
      chrf: sentenceChrf('Die Katze saß auf der Matte.', refs).score,
    }]);
  });

  it('skips and counts an empty ASR reference instead of scoring it', async () => {
    const s = createScoringScheduler(inline);
    const p = probe({ kind: 'asr', references: ['  '] });
    const n = await dropsDuring('invalid_value', async () => {
      s.submit(p.job);
      await p.done;
    });
    expect(n).toBe(1);
    expect(p.scores).toEqual([]);
  });

  it('drops malformed jobs with onDone called once', async () => {
    const s = createScoringScheduler(inline);
    const p = probe({ kind: 'asr', references: [42 as unknown as string] });
    expect(s.submit(p.job)).toBe(false);
    expect(p.doneCount).toBe(1);
  });
});

describe('sampling', () => {
  it('takes nothing at rate 0 and everything at rate 1', async () => {
    const none = createScoringScheduler({ ...inline, sampleRate: 0 });
    const all = createScoringScheduler({ ...inline, sampleRate: 1 });
    const skipped = Array.from({ length: 20 }, () => probe({ kind: 'asr' }));
    const taken = Array.from({ length: 20 }, () => probe({ kind: 'asr' }));
    expect(skipped.map((p) => none.submit(p.job))).toEqual(Array(20).fill(false));
    expect(taken.map((p) => all.submit(p.job))).toEqual(Array(20).fill(true));
    await Promise.all(taken.map((p) => p.done));
    expect(skipped.every((p) => p.doneCount === 1 && p.scores.length === 0)).toBe(true);
    expect(taken.every((p) => p.doneCount === 1 && p.scores.length === 1)).toBe(true);
  });

  it('reads SPEECHMETRY_QUALITY_SAMPLE_RATE when no option is given', () => {
    const env = { SPEECHMETRY_QUALITY_SAMPLE_RATE: '0' };
    const s = createScoringScheduler({ workerPath: false, env });
    expect(s.submit(probe({ kind: 'asr' }).job)).toBe(false);
  });

  it('follows the rate with a given random source', () => {
    const values = [0.1, 0.6, 0.4, 0.9];
    const s = createScoringScheduler({ ...inline, sampleRate: 0.5, random: () => values.shift()! });
    const got = values.slice().map(() => s.submit(probe({ kind: 'asr' }).job));
    expect(got).toEqual([true, false, true, false]);
  });
});

describe('bounded queue and guarded callbacks', () => {
  it('drops and counts what does not fit, never growing past maxQueue', async () => {
    const s = createScoringScheduler({ ...inline, maxQueue: 3 });
    const probes = Array.from({ length: 5 }, () => probe({ kind: 'asr' }));
    let accepted: boolean[] = [];
    const n = await dropsDuring('queue_full', () => {
      accepted = probes.map((p) => s.submit(p.job));
    });
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(n).toBe(2);
    await Promise.all(probes.map((p) => p.done));
    expect(probes.map((p) => p.doneCount)).toEqual([1, 1, 1, 1, 1]);
    // Space frees up once the queue drained.
    expect(s.submit(probe({ kind: 'asr' }).job)).toBe(true);
  });

  it('contains throwing onScores and onDone and keeps going', async () => {
    const s = createScoringScheduler(inline);
    const bad = probe({ kind: 'asr', onScores: () => { throw new Error('x'); },
      onDone: () => { throw new Error('y'); } });
    const good = probe({ kind: 'asr' });
    const n = await dropsDuring('listener_failed', async () => {
      s.submit(bad.job);
      s.submit(good.job);
      await Promise.all([bad.done, good.done]);
    });
    expect(n).toBe(2);
    expect(good.scores).toHaveLength(1);
  });

  it('rejects invalid options at setup with a typed error', () => {
    expect(() => createScoringScheduler({ sampleRate: 2 })).toThrow(SpeechmetryConfigError);
    expect(() => createScoringScheduler({ maxQueue: 0 })).toThrow(SpeechmetryConfigError);
    expect(() => createScoringScheduler({
      scorers: [{ name: 'x', kind: 'asr', timeoutMs: -1, score: async () => 1 }],
    })).toThrow(SpeechmetryConfigError);
  });
});

describe('shutdown', () => {
  it('refuses new jobs and tells every queued job it is done', async () => {
    const s = createScoringScheduler(inline);
    const queued = probe({ kind: 'asr' });
    s.submit(queued.job);
    await s.shutdown(1000);
    expect(queued.doneCount).toBe(1);
    const late = probe({ kind: 'asr' });
    const n = await dropsDuring('after_shutdown', () => {
      expect(s.submit(late.job)).toBe(false);
    });
    expect(n).toBe(1);
    expect(late.doneCount).toBe(1);
    await s.shutdown(10); // idempotent
  });
});
