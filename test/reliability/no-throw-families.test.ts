/**
 * No throw, ever: every public method of a started telemetry, called
 * with hostile values, returns normally (or, for `measure`, settles with
 * exactly what the host's own function threw). Repeated causes warn once.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelemetry } from '../../src/setup/start.js';
import type { SpeechTelemetry } from '../../src/telemetry.js';
import { reporter } from '../../src/internal/report.js';
import { captureDiag, type DiagCapture } from './support/diag.js';
import { hostile, hostileCallback, hostileObject } from './support/hostile.js';
import { armEscapes, type Escapes } from './support/rejections.js';
import { EMPTY_ENV, rulesFile } from './support/telemetry.js';

const ASR_ATTRS = ['model', 'language', 'streaming', 'domain'];
const MT_ATTRS = ['model', 'sourceLanguage', 'targetLanguage', 'streaming', 'domain'];
const TTS_ATTRS = ['model', 'voice', 'language', 'streaming', 'domain'];
const TURN_ATTRS = ['sourceLanguage', 'targetLanguage', 'domain'];
const ASR_RESULT = ['audioSeconds', 'audio', 'audioFormat', 'confidence', 'detectedLanguage',
  'transcript', 'reference'];
const MT_RESULT = ['inputCharacters', 'outputCharacters', 'input', 'output', 'references',
  'cacheHit'];
const TTS_RESULT = ['audioSeconds', 'audio', 'audioFormat', 'characters', 'text', 'naturalness'];

type Op = { [k: string]: unknown };
interface World {
  t: SpeechTelemetry;
  ops: Op[];
  turns: Op[];
  pending: Promise<void>[];
  calls: number;
}

/** One call: what it does, and a label for the failure message. */
type Action = { label: string; run: (w: World) => void };

const pick = fc.nat();
const args = fc.array(hostile(), { maxLength: 3 });

function keep(list: Op[], op: unknown): void {
  list.push(op as Op);
  if (list.length > 64) list.shift();
}

function call(target: unknown, method: string, params: unknown[]): unknown {
  const fn = (target as Record<string, (...a: unknown[]) => unknown>)[method]!;
  return fn.apply(target, params);
}

const startActions: fc.Arbitrary<Action>[] = [
  ...([['asr', ASR_ATTRS], ['translation', MT_ATTRS], ['tts', TTS_ATTRS],
    ['pipeline', TURN_ATTRS]] as const).map(([family, keys]) =>
    hostileObject(keys).map((a): Action => ({
      label: `${family}.start`,
      run: (w) => keep(family === 'pipeline' ? w.turns : w.ops,
        call(w.t[family], 'start', [a])),
    }))),
];

const opActions: fc.Arbitrary<Action>[] = [
  fc.tuple(pick, fc.constantFrom('firstResult', 'firstToken', 'firstAudio'), args)
    .map(([i, mark, a]): Action => ({
      label: `operation.${mark}`,
      run: (w) => {
        const op = w.ops[i % Math.max(1, w.ops.length)];
        if (op !== undefined && typeof op[mark] === 'function') call(op, mark, a);
      },
    })),
  fc.tuple(pick, hostileObject([...new Set([...ASR_RESULT, ...MT_RESULT, ...TTS_RESULT])]))
    .map(([i, r]): Action => ({
      label: 'operation.end',
      run: (w) => {
        const op = w.ops[i % Math.max(1, w.ops.length)];
        if (op !== undefined) call(op, 'end', [r]);
      },
    })),
  fc.tuple(pick, hostile()).map(([i, e]): Action => ({
    label: 'operation.fail',
    run: (w) => {
      const list = i % 2 === 0 ? w.ops : w.turns;
      const op = list[i % Math.max(1, list.length)];
      if (op !== undefined) call(op, 'fail', [e]);
    },
  })),
  fc.tuple(pick, fc.constantFrom('asr', 'translation', 'tts'),
    hostileObject([...ASR_ATTRS, ...MT_ATTRS, ...TTS_ATTRS]))
    .map(([i, stage, a]): Action => ({
      label: `turn.${stage}`,
      run: (w) => {
        const turn = w.turns[i % Math.max(1, w.turns.length)];
        if (turn !== undefined) keep(w.ops, call(turn, stage, [a]));
      },
    })),
  fc.tuple(pick, args).map(([i, a]): Action => ({
    label: 'turn.end',
    run: (w) => {
      const turn = w.turns[i % Math.max(1, w.turns.length)];
      if (turn !== undefined) call(turn, 'end', a);
    },
  })),
];

const recordActions: fc.Arbitrary<Action>[] = [
  fc.tuple(hostileObject(['wer', 'cer']), hostileObject(ASR_ATTRS)).map(([r, a]): Action => ({
    label: 'asr.recordErrorRates', run: (w) => w.t.asr.recordErrorRates(r as never, a as never),
  })),
  fc.tuple(hostileObject(['bleu', 'chrf', 'comet']), hostileObject(MT_ATTRS))
    .map(([q, a]): Action => ({
      label: 'translation.recordQuality',
      run: (w) => w.t.translation.recordQuality(q as never, a as never),
    })),
  fc.tuple(hostile(), hostileObject(TTS_ATTRS)).map(([v, a]): Action => ({
    label: 'tts.recordNaturalness', run: (w) => w.t.tts.recordNaturalness(v as never, a as never),
  })),
  fc.tuple(fc.constantFrom('asr', 'translation', 'tts', 'pipeline'),
    fc.constantFrom('recordModelLoad', 'recordCost', 'adjustQueue', 'recordUserRating'),
    hostile(), hostileObject(['model']))
    .map(([family, method, v, a]): Action => ({
      label: `${family}.${method}`, run: (w) => void call(w.t[family], method, [v, a]),
    })),
];

/**
 * `measure` with a host function that returns or throws a hostile value:
 * it must resolve with that value or reject with exactly the thrown one.
 */
const measureAction: fc.Arbitrary<Action> = fc.tuple(
  fc.constantFrom('asr', 'translation', 'tts', 'pipeline'),
  hostileObject([...MT_ATTRS, 'voice', 'language']), hostile(), fc.boolean(), fc.boolean(),
  fc.boolean(),
).map(([family, a, v, throws, async, endsItself]): Action => ({
  label: `${family}.measure`,
  run: (w) => {
    const fn = (op: Op): unknown => {
      if (endsItself) call(op, 'end', [v]);
      if (throws) {
        if (async) return Promise.reject(v);
        throw v;
      }
      return async ? Promise.resolve(v) : v;
    };
    const p = call(w.t[family], 'measure', [a, fn]) as Promise<unknown>;
    // What awaiting the host's own function gives, without speechmetry:
    // measure must settle the same way (a value whose `then` throws
    // rejects by the language's rules, not by ours).
    const reference = (async () => fn({ end() {} }))();
    w.pending.push(Promise.all([settle(p), settle(reference)]).then(([got, want]) => {
      if (got.ok !== want.ok || !same(got.value, want.value)) {
        throw new Error(`${family}.measure settled unlike the host's function`);
      }
    }));
  },
}));

async function settle(p: Promise<unknown>): Promise<{ ok: boolean; value: unknown }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, value: error };
  }
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // Fresh errors thrown by the same hostile proxy on each read.
  return a instanceof Error && b instanceof Error && a.message === b.message;
}

const thresholdActions: fc.Arbitrary<Action>[] = [
  fc.tuple(fc.oneof(fc.constant('alert'), hostile()), hostileCallback())
    .map(([event, listener]): Action => ({
      label: 'thresholds.on', run: (w) => void w.t.thresholds.on(event as 'alert', listener),
    })),
  fc.tuple(fc.oneof(fc.constant('alert'), hostile()), hostile()).map(([event, l]): Action => ({
    label: 'thresholds.off', run: (w) => void w.t.thresholds.off(event as 'alert', l as never),
  })),
  fc.constantFrom('status', 'health', 'evaluate').map((m): Action => ({
    label: `thresholds.${m}`, run: (w) => void call(w.t.thresholds, m, []),
  })),
  fc.constant<Action>({ label: 'telemetry.status', run: (w) => void w.t.status() }),
];

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(...startActions) },
  { weight: 6, arbitrary: fc.oneof(...opActions) },
  { weight: 4, arbitrary: fc.oneof(...recordActions) },
  { weight: 1, arbitrary: measureAction },
  { weight: 1, arbitrary: fc.oneof(...thresholdActions) },
);

function runAll(w: World, actions: Action[]): void {
  for (const a of actions) {
    w.calls++;
    try {
      a.run(w);
    } catch (error) {
      throw new Error(`${a.label} threw: ${describeError(error)}`);
    }
  }
}

function describeError(error: unknown): string {
  try {
    if (!(error instanceof Error)) return String(error);
    return `${error.name}: ${error.message}\n${error.stack}`;
  } catch {
    return '[unprintable]';
  }
}

describe('no throw, ever: telemetry families, operations, thresholds', () => {
  let t: SpeechTelemetry;
  let escapes: Escapes;
  let logs: DiagCapture;
  const world = (): World => ({ t, ops: [], turns: [], pending: [], calls: 0 });
  let total = 0;

  beforeAll(() => {
    logs = captureDiag();
    escapes = armEscapes();
    t = startTelemetry({
      env: EMPTY_ENV,
      metricsExporter: 'none',
      tracesExporter: 'none',
      registerGlobal: false,
      thresholdsFile: rulesFile(),
    });
  });

  afterAll(async () => {
    await t.shutdown();
    escapes.disarm();
    logs.restore();
  });

  it('survives at least 85,000 hostile calls with nothing thrown or rejected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 30, maxLength: 60 }), async (actions) => {
        const w = world();
        runAll(w, actions);
        await Promise.all(w.pending);
        total += w.calls;
      }),
      { numRuns: 2200, endOnFailure: true },
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(total).toBeGreaterThanOrEqual(85_000);
    expect(escapes.rejections).toEqual([]);
    expect(escapes.exceptions).toEqual([]);
  });

  it('warned at most once per cause, and only through its component logger', () => {
    const ours = logs.ours('warn');
    const texts = ours.map((l) => l.text);
    // Within one interval (60 s) a cause warns once: no warning repeats.
    expect(new Set(texts).size).toBe(texts.length);
    expect(ours.length).toBeGreaterThan(3);
    expect(ours.length).toBeLessThan(200);
    const dropped = reporter().dropped();
    const counted = Object.values(dropped).reduce((a, b) => a + b, 0);
    // Thousands of drops, a few dozen warnings: no flood.
    expect(counted).toBeGreaterThan(ours.length * 20);
    const others = logs.lines.filter((l) => !l.text.startsWith('speechmetry'));
    expect(others.map((l) => l.text)).toEqual([]);
  });

  it('keeps recording correctly after the hostile run', async () => {
    const before = reporter().dropped().invalid_value;
    const op = t.translation.start({ model: 'after-fuzz', sourceLanguage: 'en' });
    op.end({ inputCharacters: 3 });
    t.tts.recordNaturalness(Number.NaN, { model: 'after-fuzz' });
    expect(reporter().dropped().invalid_value).toBe(before + 1);
    expect(op.ended).toBe(true);
  });
});
