import { defineConfig } from 'vitest/config';

// Provenance checks: the catalog's citations and the derived OCSF schema against the team's
// shared documents beside the repository (../shared). CI runs them when those are present
// (`npm run provenance`); they are not part of `npm test`, which never reads outside the repository.
export default defineConfig({
  test: {
    include: ['scripts/provenance/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
