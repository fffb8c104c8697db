import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/mapping/catalog.js';
import type { ContractProfile } from '../../src/mapping/schema.js';
import { packageRoot } from '../../src/util/paths.js';

// The catalog's citations point at the seed documents shared beside the repository.
const seedsDir = join(packageRoot, '..', 'shared', 'seeds');

const OBLIGATION_IDS = [
  'access.mfa',
  'access.credential-hygiene',
  'access.least-privilege',
  'access.review',
  'data.classification',
  'data.encryption-at-rest',
  'data.key-management',
  'data.encryption-in-transit',
  'network.exposure',
  'resilience.backups',
  'governance.tagging',
  'governance.usage-monitoring',
  'audit.logging',
  'incident.readiness',
  'data.residency',
  'account.contacts',
  'workload.hardening',
  'people.training',
];

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The seed's lines, whitespace-normalised: a cited heading or clause must start one of them. */
const seedLines = new Map<string, readonly string[]>();
function linesOf(seed: string): readonly string[] {
  let lines = seedLines.get(seed);
  if (!lines) {
    lines = readFileSync(join(seedsDir, seed), 'utf8').split(/\r?\n/).map(normalise).filter((l) => l.length > 0);
    seedLines.set(seed, lines);
  }
  return lines;
}

let catalog: Catalog;
beforeAll(() => {
  catalog = loadCatalog();
});

const contract = (id: string): ContractProfile => {
  const profile = catalog.contracts.get(id);
  if (!profile) throw new Error(`contract profile ${id} did not load`);
  return profile;
};

describe('obligation catalog (config/obligations.yaml)', () => {
  test('holds exactly the fixed obligation ids, in order', () => {
    expect([...catalog.obligations.keys()]).toEqual(OBLIGATION_IDS);
  });

  test.each(OBLIGATION_IDS)('%s cites a section that really exists in a seed', (id) => {
    const obligation = catalog.obligations.get(id);
    expect(obligation?.sources.length).toBeGreaterThanOrEqual(1);
    for (const { seed, section } of obligation?.sources ?? []) {
      expect(existsSync(join(seedsDir, seed)), `${id}: seed file ${seed}`).toBe(true);
      const heading = normalise(section);
      // A heading or clause number begins a line of the seed; a phrase from mid-paragraph does not count.
      expect(
        linesOf(seed).some((line) => line.startsWith(heading)),
        `${id}: no line of ${seed} starts with "${heading}"`,
      ).toBe(true);
    }
  });

  test('manual obligations evaluate no check duty, and automated ones evaluate at least one', () => {
    for (const obligation of catalog.obligations.values()) {
      if (obligation.verification === 'manual') expect(obligation.duties, obligation.id).toEqual([]);
      if (obligation.verification === 'automated') expect(obligation.duties.length, obligation.id).toBeGreaterThan(0);
    }
    expect(catalog.obligations.get('people.training')?.verification).toBe('manual');
  });
});

describe('contract profiles (config/contracts/)', () => {
  test('both bundled profiles load', () => {
    expect(catalog.contracts.has('iaas-customer-duties')).toBe(true);
    expect(catalog.contracts.has('cn-cloud-security-2026')).toBe(true);
  });

  test('every obligation is reachable from a clause of the generic IaaS profile', () => {
    const reachable = new Set(contract('iaas-customer-duties').clauses.flatMap((c) => c.obligations));
    expect(OBLIGATION_IDS.filter((id) => !reachable.has(id))).toEqual([]);
  });

  test('the Chinese agreement profile has exactly the clauses its source contains', () => {
    const cn = contract('cn-cloud-security-2026');
    expect(cn.clauses.map((c) => c.id)).toEqual(['2.2.1', '2.2.2']);
    expect(cn.source?.seed).toBe('003_e84c8049e4253e0e.txt');
    expect(cn.source?.language).toBe('zh');
  });

  test('each Chinese clause and definition is present in the seed, and clauses rely only on listed definitions', () => {
    const cn = contract('cn-cloud-security-2026');
    const seed = cn.source?.seed ?? '';
    const defined = new Set(cn.definitions.map((d) => d.clause));
    for (const definition of cn.definitions) {
      const chineseTerm = definition.term.split(' ')[0] ?? '';
      expect(linesOf(seed).some((line) => line.startsWith(`${definition.clause}“${chineseTerm}”`)), definition.clause).toBe(true);
    }
    for (const clause of cn.clauses) {
      const chineseTitle = clause.title.split(' ')[0] ?? '';
      expect(linesOf(seed).some((line) => line.startsWith(`${clause.id}${chineseTitle}`)), clause.id).toBe(true);
      for (const ref of clause.relies_on) expect(defined.has(ref), `${clause.id} relies on ${ref}`).toBe(true);
      expect(clause.obligations.length).toBeGreaterThan(0);
    }
  });

  test('the Chinese agreement profile says the source is truncated and quotes where it ends', () => {
    const notes = contract('cn-cloud-security-2026').notes ?? '';
    expect(notes).toMatch(/cut off|truncated/i);
    expect(notes).toContain('用户名和密');
    const seedText = normalise(readFileSync(join(seedsDir, '003_e84c8049e4253e0e.txt'), 'utf8'));
    // The quoted ending is really where the clause text stops: nothing of a 2.2.3 follows.
    expect(seedText).toContain('用户名和密 文档评论');
    expect(seedText).not.toContain('2.2.3');
  });
});
