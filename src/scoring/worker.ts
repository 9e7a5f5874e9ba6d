/*
 * Entry point of the scoring worker thread (built to
 * dist/scoring-worker.js). It computes the built-in scores of long texts
 * so the host's event loop is not held for them.
 */
import { parentPort } from 'node:worker_threads';
import { scoreBuiltIn, type BuiltInInput } from './builtin.js';

interface Request extends BuiltInInput {
  readonly id: number;
}

parentPort?.on('message', (req: Request) => {
  try {
    const scores = scoreBuiltIn(req);
    parentPort?.postMessage({ id: req.id, scores });
  } catch (error) {
    // Only the kind of failure crosses back; the text stays here.
    parentPort?.postMessage({ id: req.id, error: (error as Error)?.name ?? 'Error' });
  }
});
