import { beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/mapping/catalog.js';
import type { ContractProfile } from '../../src/mapping/schema.js';

// That each citation really is in its seed document is a provenance check (scripts/provenance/):
// the seeds are the team's shared documents, not part of the repository.

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

  test('every obligation cites at least one section of a seed document', () => {
    for (const obligation of catalog.obligations.values()) {
      expect(obligation.sources.length, obligation.id).toBeGreaterThanOrEqual(1);
      for (const { seed, section } of obligation.sources) expect([seed, section.trim()].every(Boolean), obligation.id).toBe(true);
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

  test('Chinese clauses rely only on listed definitions', () => {
    const cn = contract('cn-cloud-security-2026');
    const defined = new Set(cn.definitions.map((d) => d.clause));
    for (const clause of cn.clauses) {
      for (const ref of clause.relies_on) expect(defined.has(ref), `${clause.id} relies on ${ref}`).toBe(true);
      expect(clause.obligations.length).toBeGreaterThan(0);
    }
  });

  test('the Chinese agreement profile says the source is truncated and quotes where it ends', () => {
    const notes = contract('cn-cloud-security-2026').notes ?? '';
    expect(notes).toMatch(/cut off|truncated/i);
    expect(notes).toContain('用户名和密');
  });
});
