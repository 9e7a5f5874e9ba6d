// `npm run bench`: runs every scenario in bench/ in turn, each in its own
// Node process with --expose-gc (allocation figures need gc()). Needs the
// build output: `npx tsup --no-clean` (or `npm run build`) first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
if (!existsSync(path.join(here, '..', 'dist', 'index.js'))) {
  console.error('dist/index.js is missing: build first (npx tsup --no-clean)');
  process.exit(1);
}
const only = process.argv.slice(2);
const scenarios = readdirSync(here)
  // run.mjs is this runner; support and quality-data are modules the
  // scenarios import, not scenarios.
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => !['run.mjs', 'support.mjs', 'quality-data.mjs'].includes(f))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const file of scenarios) {
  const script = path.join(here, file);
  const run = spawnSync(process.execPath, ['--expose-gc', script], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`bench/${file} exited with ${run.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
