import { existsSync, mkdtempSync } from 'node:fs';
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
