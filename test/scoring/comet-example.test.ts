import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cometScorer } from '../../examples/comet-scorer.js';
import { createScoringScheduler } from '../../src/scoring/scheduler.js';
import { dropsDuring, probe } from './helpers.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A local COMET stand-in: scores by word overlap, or misbehaves. */
async function serve(mode: 'ok' | 'hang' | 'garbage'): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (mode === 'hang') return; // never answers
      const { mt, ref, src } = JSON.parse(body) as Record<string, string>;
      const score = mode === 'garbage' ? 'high' : src === 'Hallo Welt' && mt === ref ? 0.9 : 0.1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ score }));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/score`;
}

function job() {
  return probe({ kind: 'translation', hypothesis: 'hello world', references: ['hello world'],
    source: 'Hallo Welt' });
}

describe('examples/comet-scorer.ts against a local HTTP service', () => {
  it('records the service score as comet next to BLEU and chrF', async () => {
    const url = await serve('ok');
    const s = createScoringScheduler({ env: {}, workerPath: false,
      scorers: [cometScorer({ url, sampleRate: 1 })] });
    const p = job();
    s.submit(p.job);
    await p.done;
    expect(p.scores).toHaveLength(1);
    expect(p.scores[0].comet).toBe(0.9);
    expect(p.scores[0].bleu).toBeGreaterThan(99);
  });

  it('contains a service that hangs or answers garbage', async () => {
    for (const mode of ['hang', 'garbage'] as const) {
      const url = await serve(mode);
      const s = createScoringScheduler({ env: {}, workerPath: false,
        scorers: [cometScorer({ url, sampleRate: 1, timeoutMs: 100 })] });
      const p = job();
      const n = await dropsDuring('scorer_failed', async () => {
        s.submit(p.job);
        await p.done;
      });
      expect(n).toBe(1);
      expect(p.scores[0].comet).toBeUndefined();
      await s.shutdown(100);
      server!.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
      server = undefined;
    }
  });
});
