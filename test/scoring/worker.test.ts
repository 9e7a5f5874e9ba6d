import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreBuiltIn } from '../../src/scoring/builtin.js';
import { createScoringScheduler } from '../../src/scoring/scheduler.js';
import { dropsDuring, probe } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const distWorker = join(root, 'dist', 'scoring-worker.js');
let dir = '';
let bundled = '';

// Tests run the TypeScript sources, so the worker script is bundled here
// the way tsup bundles dist/scoring-worker.js.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'speechmetry-worker-'));
  bundled = join(dir, 'scoring-worker.mjs');
  await build({
    entryPoints: [join(root, 'src/scoring/worker.ts')],
    bundle: true, platform: 'node', format: 'esm', target: 'node20',
    outfile: bundled, logLevel: 'silent',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const long = 'the quick brown fox jumps over the lazy dog '.repeat(60);
const longHyp = long.replace(/lazy/g, 'sleepy').replace(/fox/, 'cat');

async function scoreWith(workerPath: string | false, kind: 'asr' | 'translation') {
  const s = createScoringScheduler({ env: {}, workerPath, workerThresholdChars: 100 });
  const p = probe({ kind, hypothesis: longHyp, references: [long] });
  expect(s.submit(p.job)).toBe(true);
  await p.done;
  await s.shutdown(1000);
  return p;
}

describe('long texts in a worker thread', () => {
  for (const kind of ['asr', 'translation'] as const) {
    it(`scores ${kind} in the worker exactly as in the main thread`, async () => {
      const expected = scoreBuiltIn({ kind, hypothesis: longHyp, references: [long] });
      const inWorker = await scoreWith(bundled, kind);
      const inline = await scoreWith(false, kind);
      expect(inWorker.scores).toEqual([expected]);
      expect(inline.scores).toEqual([expected]);
      expect(inWorker.doneCount).toBe(1);
    });
  }

  it('counts a worker that cannot start and still ends the job once', async () => {
    const broken = join(dir, 'missing-worker.mjs');
    const n = await dropsDuring('scorer_failed', async () => {
      const p = await scoreWith(broken, 'asr');
      expect(p.doneCount).toBe(1);
      expect(p.scores).toEqual([]);
    });
    expect(n).toBe(1);
  });

  it.skipIf(!existsSync(distWorker))('runs the built dist/scoring-worker.js', async () => {
    const p = await scoreWith(distWorker, 'asr');
    const expected = scoreBuiltIn({ kind: 'asr', hypothesis: longHyp, references: [long] });
    expect(p.scores).toEqual([expected]);
  });
});
