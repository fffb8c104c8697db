import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { PROVIDER_IDS, descriptor, providers } from '../../providers/index.js';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };

describe.each(PROVIDER_IDS)('the %s descriptor', (id) => {
  const provider = descriptor(id);

  it('is registered under its own id', () => {
    expect(provider.id).toBe(id);
    expect(Object.keys(providers)).toContain(id);
  });

  it('names a permissions document that exists and ships with the package', () => {
    expect(existsSync(join(root, provider.permissions)), provider.permissions).toBe(true);
    expect(pkg.files).toContain(provider.permissions.split('/')[0]);
  });

  it('documents every service its checks read (the help link of a check without its own)', () => {
    const services = [...new Set(allChecks.filter((c) => c.provider === id).map((c) => c.service))];
    expect(services.length).toBeGreaterThan(0);
    expect(services.filter((s) => !provider.serviceDocs[s])).toEqual([]);
  });

  it('accepts an empty config section, and ignores flags it does not own', () => {
    const defaults = provider.configSchema.parse({});
    expect(provider.applyFlags(defaults, { demo: true, format: ['json'] })).toBeUndefined();
  });

  it('demo listings are its own', () => {
    const listings = provider.demo.listings(new Date('2026-01-01T00:00:00Z'));
    expect(listings.length).toBeGreaterThan(0);
    expect(listings.filter((l) => l.scope.provider !== id)).toEqual([]);
  });
});

describe('provider flags', () => {
  it('no two providers declare the same scan option', () => {
    const names = PROVIDER_IDS.flatMap((id) => descriptor(id).flags.map((f) => f.flags.split(' ')[0]));
    expect(new Set(names).size).toBe(names.length);
  });
});
