import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The team's shared documents beside the repository (the seed contracts, the OCSF definitions):
 * laid out for CI and the team, never part of a user's clone. Only the provenance checks read
 * them (`npm run provenance`); the project's tests (`npm test`) never do.
 */
export const sharedDir = resolve(import.meta.dirname, '..', '..', '..', 'shared');

/** A path under the shared documents, which must exist: a provenance check fails, never skips. */
export function sharedPath(...parts: string[]): string {
  const path = join(sharedDir, ...parts);
  if (!existsSync(path)) throw new Error(`${path} not found: the provenance checks need the shared documents beside the repository (../shared)`);
  return path;
}
