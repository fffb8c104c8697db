import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on what they start (the CLI as a process, fakes with latency, PostgreSQL,
    // Chromium), not on the CPU: two at a time even on a 2-core machine, where vitest's default
    // (cores - 1) would run them one by one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // No process a test starts outlives it: see test/support/processes.ts.
    globalSetup: ['test/support/processes.ts'],
    setupFiles: ['test/support/processes.setup.ts'],
  },
});
