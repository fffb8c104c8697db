import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyCheck } from '../src/core/check.js';
import { PROVIDER_IDS, descriptor, type ProviderId } from '../providers/index.js';

const here = dirname(fileURLToPath(import.meta.url));
// .ts under vitest and tsx, .js in the built package: the checks are whatever this file is.
const extension = extname(fileURLToPath(import.meta.url));

/**
 * A provider's checks are the files `checks/<provider>/<service>/<provider>-*` (one check each, its
 * default export, named by its id); a new check is found without a list to edit. Helpers live
 * elsewhere in the folder (`lib/`, `support.ts`). Sorted by path, so by service, then id.
 */
async function load(provider: ProviderId): Promise<AnyCheck[]> {
  const files = readdirSync(join(here, provider), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.split(/[\\/]/).length === 2 && basename(f).startsWith(`${provider}-`) && f.endsWith(extension) && !f.endsWith(`.d${extension}`))
    .sort();
  return Promise.all(files.map(async (file) => {
    const check = ((await import(pathToFileURL(join(here, provider, file)).href)) as { default?: AnyCheck }).default;
    if (check?.id !== basename(file, extension)) throw new Error(`checks/${provider}/${file} must default-export the check of that id`);
    return check;
  }));
}

// Loaded once, when the module is first imported: every importer sees the list complete.
const loaded = await Promise.all(PROVIDER_IDS.map(load));

/** Every check, provider by provider in registry order. */
export const allChecks: readonly AnyCheck[] = loaded.flat();

/** One provider's checks. */
export const checksOf = (provider: ProviderId): readonly AnyCheck[] => allChecks.filter((c) => c.provider === provider);

/** The page a reader opens to act on a check: its own remediation link, or its service's documentation. */
export const helpUri = (check: Pick<AnyCheck, 'provider' | 'service' | 'remediation'>): string | undefined =>
  check.remediation.url ?? descriptor(check.provider).serviceDocs[check.service];
