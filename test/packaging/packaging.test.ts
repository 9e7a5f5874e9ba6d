/**
 * Packaging: the built package (dist/) as a consumer sees it. Fixture
 * apps load it through require, import, TypeScript with nodenext module
 * resolution and an esbuild bundle, from a directory whose
 * node_modules/speechmetry links to this repository.
 */
import { execFile } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const BUILT = existsSync(join(ROOT, 'dist/index.cjs')) &&
  existsSync(join(ROOT, 'dist/index.d.cts'));
let app = '';

beforeAll(() => {
  if (!BUILT) return;
  app = mkdtempSync(join(tmpdir(), 'speechmetry-consumer-'));
  cpSync(FIXTURES, app, { recursive: true });
  // The TypeScript fixtures are stored as *.fixture so the repository's own
  // typecheck (which includes test/) does not compile them against dist.
  for (const name of ['app.mts', 'app.cts']) {
    renameSync(join(app, `${name}.fixture`), join(app, name));
  }
  const modules = join(app, 'node_modules');
  mkdirSync(modules);
  symlinkSync(ROOT, join(modules, 'speechmetry'), 'dir');
  // The host's single copy of the peer dependency, and Node's types.
  symlinkSync(join(ROOT, 'node_modules/@opentelemetry'), join(modules, '@opentelemetry'), 'dir');
  symlinkSync(join(ROOT, 'node_modules/@types'), join(modules, '@types'), 'dir');
});

afterAll(() => {
  if (app !== '') rmSync(app, { recursive: true, force: true });
});

async function node(file: string, env: Record<string, string> = {}): Promise<unknown> {
  const { stdout } = await run(process.execPath, [join(app, file)], {
    cwd: app, env: { ...process.env, ...env }, timeout: 20_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

// BLEU of a perfect match is 100 up to rounding, as in sacreBLEU.
const EXPECTED = { score: expect.closeTo(100, 9), wer: 0.5 };

describe.skipIf(!BUILT)('the built package, as a consumer loads it', () => {
  it('CommonJS: require of the root and every subpath', async () => {
    expect(await node('app.cjs')).toEqual({ format: 'cjs', ...EXPECTED });
  });

  it('ESM: import of the root and every subpath', async () => {
    expect(await node('app.mjs')).toEqual({ format: 'esm', ...EXPECTED });
  });

  it('TypeScript, moduleResolution nodenext, ESM and CJS views, no skipLibCheck', async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')], {
      cwd: app, timeout: 60_000,
    }).catch((e: { stdout: string }) => ({ stdout: e.stdout, failed: true }));
    expect(result.stdout).toBe('');
  });

  it('an esbuild bundle of an app that imports speechmetry runs', async () => {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [join(app, 'app.mjs')],
      outfile: join(app, 'bundle.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      // Dependencies written as CommonJS call require: give them one.
      banner: { js: "import { createRequire as __cr } from 'node:module';" +
        'const require = __cr(import.meta.url);' },
    });
    // Run from elsewhere: the bundle must not need node_modules at all.
    const alone = mkdtempSync(join(tmpdir(), 'speechmetry-bundle-'));
    try {
      cpSync(join(app, 'bundle.mjs'), join(alone, 'bundle.mjs'));
      const { stdout } = await run(process.execPath, [join(alone, 'bundle.mjs')], {
        cwd: alone, env: { ...process.env, FORMAT: 'bundle' }, timeout: 20_000,
      });
      expect(JSON.parse(stdout.trim())).toEqual({ format: 'bundle', ...EXPECTED });
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!BUILT)('package checks', () => {
  it('publint and attw (node16 profile) report no problems', async () => {
    const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
    // publint reads the directory; attw reads the tarball npm would publish.
    const lint = await run(bin('publint'), ['--pack', 'false'], { cwd: ROOT, timeout: 60_000 });
    expect(lint.stdout).toContain('All good');
    const packed = mkdtempSync(join(tmpdir(), 'speechmetry-pack-'));
    let stdout = '';
    try {
      await run('npm', ['pack', '--silent', '--pack-destination', packed],
        { cwd: ROOT, timeout: 60_000 });
      const attw = await run(bin('attw'), [join(packed, readdirSync(packed)[0]!), '--profile',
        'node16', '--format', 'json'], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
      stdout = attw.stdout;
    } finally {
      rmSync(packed, { recursive: true, force: true });
    }
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[] } };
    const problems = report.analysis.problems.filter((p) =>
      (p as { resolutionKind?: string }).resolutionKind !== 'node10');
    expect(problems).toEqual([]);
  });
});
