import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Integration tests start real servers (Prometheus, Alertmanager,
    // OTLP receivers); two cores run two files at a time.
    maxWorkers: 2,
  },
});
