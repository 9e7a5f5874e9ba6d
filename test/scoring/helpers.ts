import { reporter, type DropReason } from '../../src/internal/report.js';
import type { QualityScores, ScoringJob } from '../../src/scoring/types.js';

/** A job that records what the scheduler told it. */
export interface Probe {
  readonly job: ScoringJob;
  readonly scores: QualityScores[];
  doneCount: number;
  readonly done: Promise<void>;
}

export function probe(fields: Partial<ScoringJob> & Pick<ScoringJob, 'kind'>): Probe {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const p: Probe = {
    scores: [],
    doneCount: 0,
    done,
    job: {
      hypothesis: 'the cat sat on a mat',
      references: ['the cat sat on the mat'],
      ...fields,
      onScores: (s) => {
        p.scores.push(s);
        fields.onScores?.(s);
      },
      onDone: () => {
        p.doneCount++;
        resolve();
        fields.onDone?.();
      },
    },
  };
  return p;
}

/** Counts of one drop reason before and after `fn`. */
export async function dropsDuring(
  reason: DropReason, fn: () => Promise<void> | void,
): Promise<number> {
  const before = reporter().dropped()[reason];
  await fn();
  return reporter().dropped()[reason] - before;
}
