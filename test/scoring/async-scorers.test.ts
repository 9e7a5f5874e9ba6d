import { describe, expect, it } from 'vitest';
import { sentenceBleu } from '../../src/quality/bleu.js';
import { sentenceChrf } from '../../src/quality/chrf.js';
import { createScoringScheduler } from '../../src/scoring/scheduler.js';
import type { AsyncScorer, QualityScores } from '../../src/scoring/types.js';
import { dropsDuring, probe } from './helpers.js';

const inline = { workerPath: false as const, env: {} };
const translation = {
  kind: 'translation' as const, hypothesis: 'a b c d', references: ['a b c d'],
};
// What the built-in scorers give that job, whatever the async ones do.
const base = {
  bleu: sentenceBleu('a b c d', ['a b c d']).score,
  chrf: sentenceChrf('a b c d', ['a b c d']).score,
};

function scorer(score: AsyncScorer['score'], extra: Partial<AsyncScorer> = {}): AsyncScorer {
  return { name: 'test-comet', kind: 'translation', score, ...extra };
}

async function runOne(s: AsyncScorer, job = translation): Promise<QualityScores[]> {
  const sched = createScoringScheduler({ ...inline, scorers: [s] });
  const p = probe(job);
  sched.submit(p.job);
  await p.done;
  expect(p.doneCount).toBe(1);
  return p.scores;
}

describe('pluggable async scorers', () => {
  it('merges a valid result with the built-in scores, once', async () => {
    const scores = await runOne(
      scorer(async (input) => (input.hypothesis === 'a b c d' ? 0.8 : 0)),
    );
    expect(scores).toEqual([{ ...base, comet: 0.8 }]);
  });

  it('records named results and TTS naturalness', async () => {
    const mos: AsyncScorer = {
      name: 'mos', kind: 'tts', score: async (i) => (i.payload as number),
    };
    const scores = await runOne(mos, {
      kind: 'tts', hypothesis: 'hello', references: [], payload: 4.2,
    } as never);
    expect(scores).toEqual([{ naturalness: 4.2 }]);
    const named = await runOne(scorer(async () => ({ comet: 0.5 })));
    expect(named[0].comet).toBe(0.5);
  });

  it('contains a scorer that throws, synchronously or not', async () => {
    const n = await dropsDuring('scorer_failed', async () => {
      const a = await runOne(scorer(async () => { throw new Error('boom'); }));
      const b = await runOne(scorer((() => { throw new Error('sync'); }) as never));
      expect(a).toEqual([base]);
      expect(b).toEqual([base]);
    });
    expect(n).toBe(2);
  });

  it('aborts a hanging scorer after its timeout', async () => {
    let aborted = false;
    const hang = scorer((_input, signal) => new Promise(() => {
      signal.addEventListener('abort', () => (aborted = true));
    }), { timeoutMs: 30 });
    const n = await dropsDuring('scorer_failed', async () => {
      expect(await runOne(hang)).toEqual([base]);
    });
    expect(n).toBe(1);
    expect(aborted).toBe(true);
  });

  it('rejects garbage results without recording any part of them', async () => {
    const garbage: unknown[] = [NaN, Infinity, '0.8', 1.5, -0.1, null, [0.5],
      { comet: NaN }, { comet: 0.5, unknown: 1 }, {}, { bleu: 101 }, { naturalness: 0.5 }];
    const n = await dropsDuring('scorer_failed', async () => {
      for (const g of garbage) {
        expect(await runOne(scorer(async () => g as number))).toEqual([base]);
      }
    });
    expect(n).toBe(garbage.length);
  });

  it('never calls a scorer sampled at 0 or of another kind', async () => {
    let calls = 0;
    const count = async (): Promise<number> => { calls++; return 0.5; };
    await runOne(scorer(count, { sampleRate: 0 }));
    await runOne(scorer(count, { kind: 'asr' }), { ...translation, kind: 'asr' } as never);
    await runOne(scorer(count, { kind: 'tts' }));
    expect(calls).toBe(1); // only the ASR scorer on the ASR job
  });

  it('skips and counts calls beyond maxConcurrent', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = scorer(async () => { await gate; return 0.7; }, { maxConcurrent: 1 });
    const sched = createScoringScheduler({ ...inline, scorers: [slow] });
    const first = probe(translation);
    const second = probe(translation);
    const n = await dropsDuring('queue_full', async () => {
      sched.submit(first.job);
      sched.submit(second.job);
      await second.done;
    });
    release();
    await first.done;
    expect(n).toBe(1);
    expect(second.scores).toEqual([base]);
    expect(first.scores).toEqual([{ ...base, comet: 0.7 }]);
  });

  it('ends hanging work at shutdown within the budget, onDone once', async () => {
    let aborted = false;
    const hang = scorer((_i, signal) => new Promise(() => {
      signal.addEventListener('abort', () => (aborted = true));
    }), { timeoutMs: 60_000 });
    const sched = createScoringScheduler({ ...inline, scorers: [hang] });
    const p = probe(translation);
    sched.submit(p.job);
    await new Promise((r) => setTimeout(r, 10));
    await sched.shutdown(50);
    expect(p.doneCount).toBe(1);
    expect(p.scores).toEqual([]);
    expect(aborted).toBe(true);
  });
});
