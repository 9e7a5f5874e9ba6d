// Shared by the benchmarks: machine header, repeated timing with spread,
// and the internal modules the public entry does not export.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Re-runs the calling script with --expose-gc when gc() is missing. */
export function ensureGc(script) {
  if (typeof globalThis.gc === 'function') return true;
  const run = spawnSync(process.execPath, ['--expose-gc', script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}

export function header(title) {
  console.log(`\n# ${title}`);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} cpus)`);
  console.log(`node: ${process.version}, ${os.platform()} ${os.arch()}\n`);
}

/** Quantile of sorted numbers, linear between ranks. */
export function quantile(sorted, q) {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** median, p10 and p90 of a list of samples. */
export function spread(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p10: quantile(s, 0.1), p90: quantile(s, 0.9) };
}

/** Iterations of `fn` that take about `targetMs`. */
export function calibrate(fn, targetMs = 20) {
  let n = 1_000;
  for (;;) {
    const t0 = process.hrtime.bigint();
    fn(n);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms >= targetMs / 4 || n >= 1e8) return Math.max(1_000, Math.round((n * targetMs) / ms));
    n *= 4;
  }
}

/**
 * Times every case `runs` times, round-robin, so a busy moment on a
 * shared machine hits all of them alike, and returns each case's spread
 * of nanoseconds per iteration (with the raw samples).
 */
export function measureAll(fns, { runs = 21, targetMs = 20 } = {}) {
  const sizes = fns.map((fn) => {
    for (let i = 0; i < 3; i++) calibrate(fn, targetMs); // warm-up
    return calibrate(fn, targetMs);
  });
  const samples = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, i) => {
      const t0 = process.hrtime.bigint();
      fn(sizes[i]);
      samples[i].push(Number(process.hrtime.bigint() - t0) / sizes[i]);
    });
  }
  return samples.map((s) => ({ ...spread(s), samples: s }));
}

export function fmt(x, digits = 3) {
  return x.toFixed(digits);
}

/** Prints a Markdown table. */
export function table(headers, rows) {
  console.log(`| ${headers.join(' | ')} |`);
  console.log(`| ${headers.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log();
}

/**
 * Internal modules (the Recorder that validates and feeds thresholds) are
 * not part of the public entry. The benchmark bundles them from src with
 * esbuild (tsup's bundler) into node_modules/.cache, keeping the
 * OpenTelemetry packages external like the build does.
 */
export async function loadInternals() {
  const { build } = await import('esbuild');
  // Inside node_modules so the external imports resolve from the project.
  const cache = path.join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'speechmetry-bench-'));
  const outfile = path.join(dir, 'internals.mjs');
  await build({
    stdin: {
      contents: [
        "export { Recorder } from './src/sink/recorder.ts';",
        "export { OtelSink } from './src/sink/otel-sink.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    external: ['@opentelemetry/*'],
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}
