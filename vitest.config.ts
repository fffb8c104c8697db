import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // No process a test starts outlives it: see test/support/processes.ts.
    globalSetup: ['test/support/processes.ts'],
    setupFiles: ['test/support/processes.setup.ts'],
  },
});
