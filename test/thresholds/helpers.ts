import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricSink } from '../../src/sink/types.js';

/** A path if the binary exists, for skip conditions. */
export function binary(path: string): string | undefined {
  return existsSync(path) ? path : undefined;
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `speechmetry-${prefix}-`));
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** A sink that keeps every recorded value per metric and attribute set. */
export function memorySink(): MetricSink & { values: Map<string, number[]> } {
  const values = new Map<string, number[]>();
  return {
    kind: 'otel',
    values,
    instrument(def) {
      return {
        bind(attributes) {
          const key = `${def.name} ${JSON.stringify(attributes)}`;
          return {
            record(v: number) {
              const list = values.get(key) ?? [];
              list.push(v);
              values.set(key, list);
            },
          };
        },
      };
    },
  };
}

/** A controllable clock. */
export function fakeClock(start = 1_700_000_000_000) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  };
}
