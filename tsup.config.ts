import { defineConfig } from 'tsup';

// One build for the library entry points (ESM + CJS with declarations) and
// one for the CLI. `splitting` lets the ESM entry points share chunks; the
// CJS build is one file per entry, and `@opentelemetry/api` stays external
// in both so the host's single copy holds the global providers.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      quality: 'src/quality/index.ts',
      http: 'src/integrations/http.ts',
      express: 'src/integrations/express.ts',
      fastify: 'src/integrations/fastify.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    // The scoring worker thread, loaded by path from beside the bundles.
    entry: { 'scoring-worker': 'src/scoring/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
