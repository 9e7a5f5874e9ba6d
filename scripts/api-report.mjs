// Runs API Extractor over every entry point. `--local` rewrites the
// committed reports in etc/; without it, a report that differs from the
// committed one fails the run (CI).
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const local = process.argv.includes('--local');
const configs = [
  'api-extractor.json',
  ...['quality', 'http', 'express', 'fastify'].map((e) => `etc/api-extractor.${e}.json`),
];

let failed = 0;
for (const file of configs) {
  const config = ExtractorConfig.loadFileAndPrepare(join(root, file));
  const result = Extractor.invoke(config, { localBuild: local, showVerboseMessages: false });
  const name = config.reportFilePath.replace(`${root}/`, '');
  if (result.succeeded) {
    console.log(`api: ${name} up to date`);
  } else {
    failed++;
    console.error(
      `api: ${name}: ${result.errorCount} error(s), ${result.warningCount} warning(s)` +
        (result.apiReportChanged ? ' — the report changed; run `npm run api:extract`' : ''),
    );
  }
}
process.exitCode = failed > 0 ? 1 : 0;
