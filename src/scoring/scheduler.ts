import { SpeechmetryConfigError, checkNumberOption } from '../config/options.js';
import { envNumber, type Env } from '../config/env.js';
import { reporter } from '../internal/report.js';
import { ScorerSlot } from './async-scorers.js';
import { scoreBuiltIn, textSize, type BuiltInInput } from './builtin.js';
import { checkJob, hasReference } from './job.js';
import { validScore } from './validate.js';
import { WorkerPool, defaultWorkerPath } from './worker-pool.js';
import type {
  QualityScores, ScoringJob, ScoringOptions, ScoringScheduler,
} from './types.js';

/** Internal knobs on top of the public options, for setup and tests. */
export interface SchedulerSettings extends ScoringOptions {
  /** The environment to read. Default `process.env`. */
  readonly env?: Env;
  /** Worker script path; `false` scores long texts in the main thread. */
  readonly workerPath?: string | false;
  /** Random source in [0, 1) for sampling. Default `Math.random`. */
  readonly random?: () => number;
}

// One drain tick stops after this long so a burst of jobs does not hold
// the event loop; the rest continue on the next tick.
const TICK_BUDGET_MS = 8;

interface Entry {
  readonly job: ScoringJob;
  done: boolean;
}

function guard(what: 'onScores' | 'onDone', fn: () => void): void {
  try {
    fn();
  } catch {
    reporter().drop('listener_failed', `scoring ${what}`, 'error ignored');
  }
}

function finish(entry: Entry, scores: QualityScores | undefined): void {
  if (entry.done) return;
  entry.done = true;
  if (scores !== undefined && Object.keys(scores).length > 0) {
    guard('onScores', () => entry.job.onScores(scores));
  }
  guard('onDone', () => entry.job.onDone());
}

function validateOptions(s: SchedulerSettings): void {
  checkNumberOption('sampleRate', s.sampleRate, 0, 1);
  checkNumberOption('maxQueue', s.maxQueue, 1);
  checkNumberOption('workerThresholdChars', s.workerThresholdChars, 0);
  for (const [i, scorer] of (s.scorers ?? []).entries()) {
    const field = `scorers[${i}]`;
    if (typeof scorer?.score !== 'function' || typeof scorer.name !== 'string') {
      throw new SpeechmetryConfigError(field, 'must have a name and a score function');
    }
    if (!['asr', 'translation', 'tts'].includes(scorer.kind)) {
      throw new SpeechmetryConfigError(`${field}.kind`, 'must be asr, translation or tts');
    }
    checkNumberOption(`${field}.sampleRate`, scorer.sampleRate, 0, 1);
    checkNumberOption(`${field}.timeoutMs`, scorer.timeoutMs, 1);
    checkNumberOption(`${field}.maxConcurrent`, scorer.maxConcurrent, 1);
  }
}

/**
 * The in-process scoring scheduler: samples jobs, queues them (bounded),
 * and scores them on a later event-loop turn, long texts in a worker
 * thread, then runs the pluggable scorers. Each job's `onScores` is
 * called at most once with everything that succeeded, and `onDone`
 * exactly once, whatever happens. Throws only here, at setup, for
 * invalid options.
 */
export function createScoringScheduler(settings: SchedulerSettings = {}): ScoringScheduler {
  validateOptions(settings);
  const env = settings.env ?? process.env;
  const rate =
    settings.sampleRate ?? envNumber(env, 'SPEECHMETRY_QUALITY_SAMPLE_RATE', 1, 0, 1);
  const maxQueue = settings.maxQueue ?? 1000;
  const threshold = settings.workerThresholdChars ?? 2000;
  const random = settings.random ?? Math.random;
  const slots = (settings.scorers ?? []).map((s) => new ScorerSlot(s, random));
  const pool = new WorkerPool(
    settings.workerPath === false ? undefined : settings.workerPath ?? defaultWorkerPath(),
  );

  const queue: Entry[] = [];
  const active = new Set<Entry>();
  let scheduled = false;
  let closed = false;
  let idle: (() => void) | undefined;

  type Scored = QualityScores | undefined;

  function builtIn(input: BuiltInInput): Promise<Scored> | Scored {
    if (!hasReference(input)) {
      if (input.kind !== 'tts') reporter().drop('invalid_value', `scoring ${input.kind} reference`);
      return undefined;
    }
    const keep = (scores: QualityScores): QualityScores | undefined => {
      const entries = Object.entries(scores);
      if (entries.every(([k, v]) => validScore(k as keyof QualityScores, v))) return scores;
      reporter().drop('scorer_failed', `built-in ${input.kind}`, 'invalid score ignored');
      return undefined;
    };
    const failed = (): undefined => {
      reporter().drop('scorer_failed', `built-in ${input.kind}`, 'ignored');
      return undefined;
    };
    if (textSize(input) > threshold && pool.available) {
      return pool.score(input).then(keep, failed);
    }
    try {
      return keep(scoreBuiltIn(input));
    } catch {
      return failed();
    }
  }

  async function runAsync(entry: Entry, first: Scored): Promise<Scored> {
    const { job } = entry;
    const input = {
      kind: job.kind, hypothesis: job.hypothesis, references: job.references,
      source: job.source, language: job.language, payload: job.payload,
    };
    const wanted = slots.filter((slot) => slot.wants(input));
    const results = await Promise.all(wanted.map((slot) => slot.run(input)));
    const merged: QualityScores = { ...first };
    for (const r of results) Object.assign(merged, r);
    return merged;
  }

  function settle(entry: Entry, scores: QualityScores | undefined): void {
    active.delete(entry);
    finish(entry, scores);
    if (idle !== undefined && queue.length === 0 && active.size === 0) idle();
  }

  function process1(entry: Entry): void {
    active.add(entry);
    const first = builtIn(entry.job);
    const afterBuiltIn = (scores: QualityScores | undefined): void => {
      if (slots.length === 0) return settle(entry, scores);
      runAsync(entry, scores).then((all) => settle(entry, all), () => settle(entry, scores));
    };
    if (first instanceof Promise) first.then(afterBuiltIn, () => afterBuiltIn(undefined));
    else afterBuiltIn(first);
  }

  function drain(): void {
    scheduled = false;
    const start = Date.now();
    while (queue.length > 0 && Date.now() - start < TICK_BUDGET_MS) {
      process1(queue.shift() as Entry);
    }
    if (queue.length > 0) schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  }

  type Refusal = 'after_shutdown' | 'queue_full' | 'invalid_value';

  function refuse(job: ScoringJob, reason?: Refusal): false {
    if (reason !== undefined) reporter().drop(reason, 'scoring job', 'not scored');
    finish({ job, done: false }, undefined);
    return false;
  }

  return {
    submit(job: ScoringJob): boolean {
      if (closed) return refuse(job, 'after_shutdown');
      if (!checkJob(job)) return refuse(job, 'invalid_value');
      if (!(random() < rate)) return refuse(job);
      if (queue.length + active.size >= maxQueue) return refuse(job, 'queue_full');
      queue.push({ job, done: false });
      schedule();
      return true;
    },

    async shutdown(budgetMs: number): Promise<void> {
      if (closed) return;
      closed = true;
      if (queue.length > 0 || active.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          idle = resolve;
          timer = setTimeout(resolve, Math.max(0, budgetMs));
          timer.unref();
        });
        clearTimeout(timer);
      }
      // Past the budget: abandon what is left, each job still told once.
      for (const slot of slots) slot.abortAll();
      for (const entry of [...queue.splice(0), ...active]) {
        reporter().drop('after_shutdown', 'scoring job', 'abandoned at shutdown');
        active.delete(entry);
        finish(entry, undefined);
      }
      await pool.close();
    },
  };
}
