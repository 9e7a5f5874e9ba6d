import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { reporter } from '../internal/report.js';
import type { BuiltInInput } from './builtin.js';
import type { QualityScores } from './types.js';

/** Where the built worker script lives: beside the bundle that loads it. */
export function defaultWorkerPath(): string | undefined {
  try {
    // CommonJS build: __filename is the bundle. ESM: import.meta.url.
    const here =
      typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
    const path = here.replace(/[^/\\]+$/, 'scoring-worker.js');
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

interface Pending {
  resolve(scores: QualityScores): void;
  reject(error: Error): void;
}

// A worker that keeps crashing is given up after this many failures; the
// scheduler then scores in the main thread, still off the request path.
const MAX_CRASHES = 3;

/**
 * One lazily started worker thread for long texts. It holds the process
 * open only while jobs are pending.
 */
export class WorkerPool {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes = 0;

  constructor(private readonly path: string | undefined) {}

  /** False when no worker can be used; score in the main thread then. */
  get available(): boolean {
    return this.path !== undefined && this.crashes < MAX_CRASHES;
  }

  /** Scores one job in the worker. Rejects when the worker fails. */
  score(input: BuiltInInput): Promise<QualityScores> {
    let worker: Worker;
    try {
      worker = this.start();
    } catch (error) {
      this.crashes++;
      return Promise.reject(error as Error);
    }
    const id = this.nextId++;
    return new Promise<QualityScores>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({
        id, kind: input.kind, hypothesis: input.hypothesis, references: [...input.references],
      });
    });
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(this.path as string);
    worker.unref();
    worker.on('message', (msg: { id: number; scores?: QualityScores; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (p === undefined) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) worker.unref();
      if (msg.scores !== undefined) p.resolve(msg.scores);
      else p.reject(new Error(msg.error ?? 'worker error'));
    });
    const fail = (error: Error): void => this.crashed(worker, error);
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`scoring worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.crashes++;
    reporter().warnOnce('scoring:worker', () =>
      `scoring worker failed (${error.name}); ` +
      (this.available ? 'restarting on the next long text' : 'scoring in the main thread'));
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Stops the worker; pending jobs reject. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('scoring shut down'));
    this.pending.clear();
    if (worker !== undefined) await worker.terminate().catch(() => undefined);
  }
}
