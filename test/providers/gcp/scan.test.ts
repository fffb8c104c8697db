import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import { configSchema } from '../../../src/config/schema.js';
import { loadCatalog, resolveContract } from '../../../src/mapping/catalog.js';
import { runScan } from '../../../src/engine/scan.js';
import { gcpChecks } from '../../../checks/gcp/index.js';
import { createAdapter } from '../../../providers/gcp/adapter.js';
import { installOrg } from '../../fakes/gcp/org.js';
import { GcpFake } from '../../fakes/gcp/server.js';
import { ASSET_TYPES } from '../../../providers/gcp/collect/normalise.js';
import { fixtureOrg, NOW } from './fixture-org.js';
import { silentLog } from './support.js';

let fake: GcpFake;
beforeEach(async () => {
  fake = await new GcpFake().start();
});
afterEach(async () => {
  expect(fake.unrouted).toEqual([]);
  await fake.close();
});

async function scan(gcp: Record<string, unknown>) {
  const u = fake.url;
  const config = configSchema.parse({
    providers: { gcp: { organization: '123', endpoints: { resourcemanager: u, asset: u, compute: u, kms: u, storage: u, sqladmin: u, iam: u, logging: u, admin: u }, ...gcp } },
  });
  const adapter = await createAdapter(config.providers.gcp!, { log: silentLog, callTimeoutMs: 10_000 }, { accessToken: 't', retryBaseMs: 2 });
  const catalog = loadCatalog();
  const findings: Finding[] = [];
  const summary = await runScan(
    { config, providers: ['gcp'], checks: gcpChecks, catalog, contract: resolveContract(catalog, config.contract), log: silentLog, adapters: { gcp: adapter }, now: NOW },
    (f) => { findings.push(f); },
  );
  return { summary, findings };
}

describe('a GCP scan through the engine', () => {
  test('reports the mode, ERRORs only where the cloud refused, and MFA as an attestation without Workspace', async () => {
    installOrg(fake, fixtureOrg({ cai: 'enabled' }));
    const { summary, findings } = await scan({});
    expect(summary.collectionMode.gcp).toBe('cloud-asset-inventory');
    expect(summary.accounts.map((a) => a.account).sort()).toEqual(['acme-locked', 'acme-prod', 'acme-quiet', 'organizations/123']);
    const errored = new Set(findings.filter((f) => f.status === 'ERROR').map((f) => f.resource.account));
    expect([...errored]).toEqual(['acme-locked']);
    expect(summary.complete).toBe(false);
    expect(summary.errors.every((e) => e.account === 'acme-locked' && e.code === 'ACCESS_DENIED')).toBe(true);
    const mfa = findings.filter((f) => f.check.id === 'gcp-workspace-users-2sv-enrolled');
    expect(mfa.map((f) => [f.resource.account, f.status])).toEqual([['organizations/123', 'NOT_APPLICABLE']]);
    expect(summary.obligations.find((o) => o.id === 'access.mfa')?.status).toBe('attestation');
    expect(summary.apiCalls['gcp']?.['asset']).toEqual({
      'cloudasset.assets.searchAllResources': Object.keys(ASSET_TYPES).length,
      'cloudasset.assets.searchAllIamPolicies': 1,
      // The configuration of GKE, BigQuery, Run...: one listing per project (3), and the contacts
      // set on each folder or organisation above them (3), once per scan.
      'cloudasset.assets.listResource': 6,
    });
  });

  test('with a Workspace admin subject, MFA is evaluated per user', async () => {
    installOrg(fake, fixtureOrg());
    const { summary, findings } = await scan({ workspace: { adminSubject: 'admin@acme.example' } });
    expect(summary.collectionMode.gcp).toBe('per-service-apis');
    expect(findings.filter((f) => f.check.id === 'gcp-workspace-users-2sv-enrolled').map((f) => [f.resource.name, f.status])).toEqual([
      ['boss@acme.example', 'PASS'],
      ['dev@acme.example', 'FAIL'],
    ]);
    expect(summary.obligations.find((o) => o.id === 'access.mfa')?.status).toBe('not-met');
  });
});
