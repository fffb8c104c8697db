import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AnyCheck } from '../../../src/core/check.js';
import type { Listing } from '../../../src/core/inventory.js';
import { gcpChecks } from '../../../checks/gcp/index.js';
import { MODE_CAI, MODE_PER_SERVICE } from '../../../providers/gcp/adapter.js';
import { runCheck } from '../../support/checks.js';
import { installOrg } from '../../fakes/gcp/org.js';
import { GcpFake } from '../../fakes/gcp/server.js';
import { ASSET_TYPES } from '../../../providers/gcp/collect/normalise.js';
import { fixtureOrg, NOW, PROD } from './fixture-org.js';
import { collect, fakeConfig, listingOf, namesOf } from './support.js';

let fake: GcpFake;
beforeEach(async () => {
  fake = await new GcpFake().start();
});
afterEach(async () => {
  // Any request the collectors made that the fake has no route for fails the test.
  expect(fake.unrouted).toEqual([]);
  await fake.close();
});

const check = (id: string): AnyCheck => {
  const found = gcpChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

/** `[account, resource name, status]` of one check over the collected inventory. */
const verdicts = (listings: readonly Listing[], id: string) =>
  runCheck(check(id), listings, { now: NOW }).map((r) => [r.resource.account, r.resource.name, r.status]);

describe('GCP adapter, per-service APIs (Cloud Asset Inventory disabled)', () => {
  test('discovers active projects through nested folders, plus one organisation target', async () => {
    installOrg(fake, fixtureOrg());
    const { discovery } = await collect(fakeConfig(fake, { organization: '123' }));
    expect(discovery.mode).toBe(MODE_PER_SERVICE);
    expect(discovery.targets.map((t) => t.account)).toEqual(['acme-locked', 'acme-prod', 'acme-quiet', 'organizations/123']);
    expect(discovery.targets.find((t) => t.account === 'acme-prod')?.accountName).toBe('Acme production');
    expect(discovery.failures).toEqual([]);
    // One CAI attempt per search, then the fallback.
    expect(fake.count('GET', /searchAllResources$/)).toBe(1);
  });

  test('follows nextPageToken on every list (page size 2) and sends the injected token', async () => {
    installOrg(fake, fixtureOrg());
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }));
    expect(namesOf(listingOf(listings, 'acme-prod', 'gcp.compute.firewall'))).toEqual(['allow-https', 'allow-internal', 'allow-rdp-world', 'allow-ssh-world', 'deny-egress']);
    expect(namesOf(listingOf(listings, 'acme-prod', 'gcp.compute.instance'))).toEqual(['api-1', 'batch-1', 'web-1']);
    expect(namesOf(listingOf(listings, 'acme-prod', 'gcp.storage.bucket'))).toEqual(['acme-prod-archive', 'acme-prod-public', 'acme-prod-records']);
    expect(namesOf(listingOf(listings, 'acme-prod', 'gcp.sql.instance'))).toEqual(['legacy', 'orders', 'orders-replica']);
    expect(namesOf(listingOf(listings, 'acme-prod', 'gcp.iam.service-account'))).toHaveLength(3);
    expect(fake.count('GET', /\/global\/firewalls$/)).toBe(3 + 1 + 1); // three pages in acme-prod, one each elsewhere
    expect(fake.count('GET', /\/aggregated\/instances$/)).toBe(2 + 1 + 1);
    expect(fake.requests.every((r) => r.authorization === 'Bearer test-token')).toBe(true);
  });

  test('retries 429 answers with backoff and counts every attempt and retry', async () => {
    installOrg(fake, fixtureOrg({ throttle: { pathIncludes: '/global/firewalls', times: 2 } }));
    const { listings, api } = await collect(fakeConfig(fake, { organization: '123' }));
    expect(namesOf(listingOf(listings, 'acme-prod', 'gcp.compute.firewall'))).toHaveLength(5);
    const stats = api.snapshot();
    expect(stats.retries['gcp/compute/RATE_LIMIT_EXCEEDED']).toBe(2 * 5); // 3 pages in acme-prod, 1 each in the others
    expect(stats.calls['gcp']?.['compute']?.['compute.firewalls.list']).toBe(15);
    expect(stats.totalCalls).toBe(fake.requests.length);
  });

  test('gives up after maxRetries with a THROTTLED error, never an empty list', async () => {
    installOrg(fake, fixtureOrg({ throttle: { pathIncludes: '/global/networks', times: 100 } }));
    const { listings } = await collect(fakeConfig(fake, { organization: '123', maxRetries: 2 }));
    const networks = listingOf(listings, 'acme-prod', 'gcp.compute.network');
    expect(networks.items.ok ? 'listed' : networks.items.error.code).toBe('THROTTLED');
    expect(fake.count('GET', /acme-prod\/global\/networks$/)).toBe(3);
  });

  test('normalises what the checks read: inherited bindings, audit configs, schedules, snapshots, keys', async () => {
    installOrg(fake, fixtureOrg());
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }));
    const policy = listingOf(listings, 'acme-prod', 'gcp.project.iam-policy');
    if (!policy.items.ok) throw new Error('policy not listed');
    const data = policy.items.value[0]?.data as unknown as { ancestry: string[]; inheritedBindings: { ok: boolean; value?: { source: string }[] } };
    expect(data.ancestry).toEqual(['projects/acme-prod', 'folders/11', 'folders/10', 'organizations/123']);
    expect(data.inheritedBindings.value?.map((b) => b.source)).toEqual(['folders/10', 'organizations/123']);
    const disks = listingOf(listings, 'acme-prod', 'gcp.compute.disk');
    expect(disks.items.ok && disks.items.value.map((d) => [d.name, (d.data as unknown as { snapshotSchedules: string[] }).snapshotSchedules, (d.data as unknown as { latestSnapshot: string | null }).latestSnapshot])).toEqual([
      ['web-1', ['daily'], '2026-05-31T10:00:00.000Z'],
      ['api-1', [], null],
      ['scratch', [], null], // a consistency-group policy is not a snapshot schedule
    ]);
    const keys = listingOf(listings, 'acme-prod', 'gcp.kms.crypto-key');
    expect(keys.items.ok && keys.items.value.map((k) => [k.name, (k.data as unknown as { rotationPeriodSeconds: number | null }).rotationPeriodSeconds])).toEqual([
      ['disks', 7_776_000],
      ['docs', null],
      ['signing', null],
    ]);
  });

  test('a project that answers 403 yields ERROR results for itself only', async () => {
    installOrg(fake, fixtureOrg());
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }));
    // The asset view keeps the project itself (discovery read it) and errs once per asset type
    // (nine per-service listings, six read through ListAssets).
    const lockedAssets = listings.filter((l) => l.scope.account === 'acme-locked' && l.type === 'gcp.asset');
    expect(lockedAssets.filter((l) => l.items.ok).map(namesOf)).toEqual([['acme-locked']]);
    const locked = listings.filter((l) => l.scope.account === 'acme-locked' && l.type !== 'gcp.project' && !(l.type === 'gcp.asset' && l.items.ok));
    expect(locked.every((l) => !l.items.ok && l.items.error.code === 'ACCESS_DENIED')).toBe(true);
    expect(locked.find((l) => l.type === 'gcp.compute.firewall')?.items).toMatchObject({ ok: false, error: { operation: 'compute.firewalls.list', account: 'acme-locked' } });
    for (const c of gcpChecks) {
      const results = runCheck(c, listings, { now: NOW });
      const byAccount = (account: string) => results.filter((r) => r.resource.account === account).map((r) => r.status);
      const perAssetType = c.resourceType === 'gcp.asset';
      if (byAccount('acme-locked').length > 0) expect(byAccount('acme-locked').filter((s) => s === 'ERROR').length, c.id).toBe(perAssetType ? 15 : 1);
      if (!perAssetType && byAccount('acme-locked').length > 0) expect(byAccount('acme-locked'), c.id).toEqual(['ERROR']);
      expect(byAccount('acme-prod'), c.id).not.toContain('ERROR');
      expect(byAccount('acme-quiet').filter((s) => s === 'ERROR').length, c.id).toBe(c.resourceType === 'gcp.sql.instance' || c.id === 'gcp-kms-crypto-key-rotation-enabled' ? 1 : 0);
    }
  });

  test('a Cloud SQL list that could not reach a region is UNAVAILABLE, never the project\'s complete list', async () => {
    const reachable = fixtureOrg().projects.find((p) => p.id === 'acme-prod')?.sqlInstances?.filter((i) => i['region'] === 'europe-west1') ?? [];
    fake.route('GET', '/sql/v1beta4/projects/acme-prod/instances', {
      body: { items: reachable, warnings: [{ code: 'REGION_UNREACHABLE', message: 'us-central1 is unreachable', region: 'us-central1' }] },
    });
    installOrg(fake, fixtureOrg());
    const { listings } = await collect(fakeConfig(fake, { organization: '123', maxRetries: 0 }), { types: ['gcp.sql.instance'] });
    expect(listingOf(listings, 'acme-prod', 'gcp.sql.instance').items).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', operation: 'cloudsql.instances.list', account: 'acme-prod' } });
    expect(verdicts(listings, 'gcp-sql-instance-not-open-to-internet').filter(([a]) => a === 'acme-prod')).toEqual([['acme-prod', 'Acme production (acme-prod)', 'ERROR']]);
  });

  test('a Compute aggregated list with an UNREACHABLE zone is UNAVAILABLE, never the project\'s complete list', async () => {
    const web = fixtureOrg().projects.find((p) => p.id === 'acme-prod')?.instances?.find((i) => i['name'] === 'web-1');
    fake.route('GET', '/compute/v1/projects/acme-prod/aggregated/instances', {
      body: { items: { 'zones/europe-west1-b': { instances: [web] }, 'zones/us-central1-a': { warning: { code: 'UNREACHABLE', message: 'zone us-central1-a is unreachable' } } } },
    });
    installOrg(fake, fixtureOrg());
    const { listings } = await collect(fakeConfig(fake, { organization: '123', maxRetries: 0 }), { types: ['gcp.compute.instance'] });
    expect(listingOf(listings, 'acme-prod', 'gcp.compute.instance').items).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', operation: 'compute.instances.aggregatedList', account: 'acme-prod' } });
  });

  test('a disabled API is its own answer: NOT_ENABLED naming the API, never a pass', async () => {
    installOrg(fake, fixtureOrg());
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }));
    const sql = listingOf(listings, 'acme-quiet', 'gcp.sql.instance');
    expect(sql.items).toMatchObject({ ok: false, error: { code: 'NOT_ENABLED', operation: 'sqladmin.googleapis.com', account: 'acme-quiet' } });
    expect(verdicts(listings, 'gcp-sql-instance-automated-backups-enabled').filter(([a]) => a === 'acme-quiet')).toEqual([['acme-quiet', 'acme-quiet', 'ERROR']]);
    // The asset view skips an API that is off (it holds no resources) instead of failing.
    expect(namesOf(listingOf(listings, 'acme-quiet', 'gcp.asset'))).toEqual(['acme-quiet', 'custom']);
  });

  test('the collected inventory drives the checks to the expected verdicts', async () => {
    installOrg(fake, fixtureOrg());
    const { listings } = await collect(fakeConfig(fake, { organization: '123', workspace: { adminSubject: 'admin@acme.example' } }));
    const prod = (id: string) => verdicts(listings, id).filter(([a]) => a === 'acme-prod').map(([, n, s]) => [n, s]);
    expect(prod('gcp-compute-firewall-no-internet-admin-access')).toEqual([
      ['allow-ssh-world', 'FAIL'], ['allow-rdp-world', 'FAIL'], ['allow-https', 'PASS'], ['allow-internal', 'PASS'], ['deny-egress', 'NOT_APPLICABLE'],
    ]);
    expect(prod('gcp-iam-project-no-primitive-roles-for-users')).toEqual([['acme-prod', 'FAIL']]);
    expect(prod('gcp-iam-project-service-account-roles-separated')).toEqual([['acme-prod', 'FAIL']]);
    expect(prod('gcp-logging-project-data-access-audit-enabled')).toEqual([['acme-prod', 'PASS']]);
    expect(prod('gcp-logging-sink-all-logs-exported')).toEqual([['acme-prod (acme-prod)', 'PASS']].map(([, s]) => [expect.any(String), s]));
    expect(prod('gcp-storage-bucket-not-public')).toEqual([['acme-prod-records', 'PASS'], ['acme-prod-public', 'FAIL'], ['acme-prod-archive', 'PASS']]);
    expect(prod('gcp-sql-instance-not-open-to-internet')).toEqual([['orders', 'PASS'], ['legacy', 'FAIL'], ['orders-replica', 'PASS']]);
    expect(prod('gcp-iam-service-account-keys-rotated')).toEqual([
      ['api@acme-prod.iam.gserviceaccount.com', 'NOT_APPLICABLE'], ['ci@acme-prod.iam.gserviceaccount.com', 'FAIL'], ['etl@acme-prod.iam.gserviceaccount.com', 'PASS'],
    ]);
    expect(prod('gcp-compute-instance-default-service-account-limited')).toEqual([['web-1', 'FAIL'], ['api-1', 'PASS'], ['batch-1', 'NOT_APPLICABLE']]);
    expect(prod('gcp-compute-instance-os-login-enabled')).toEqual([['web-1', 'PASS'], ['api-1', 'PASS'], ['batch-1', 'FAIL']]);
    expect(prod('gcp-compute-instance-serial-port-disabled')).toEqual([['web-1', 'FAIL'], ['api-1', 'PASS'], ['batch-1', 'PASS']]);
    expect(prod('gcp-compute-disk-snapshot-schedule-attached')).toEqual([['web-1', 'PASS'], ['api-1', 'FAIL'], ['scratch', 'FAIL']]);
    expect(prod('gcp-kms-crypto-key-rotation-enabled')).toEqual([['disks', 'PASS'], ['docs', 'FAIL'], ['signing', 'NOT_APPLICABLE']]);
    expect(verdicts(listings, 'gcp-iam-policy-no-public-members').filter(([, , s]) => s === 'FAIL').map(([a, n]) => [a, n])).toEqual([
      ['acme-prod', 'acme-prod-public'],
      ['acme-quiet', 'acme-quiet'],
    ]);
    expect(verdicts(listings, 'gcp-workspace-users-2sv-enrolled')).toEqual([
      ['organizations/123', 'boss@acme.example', 'PASS'],
      ['organizations/123', 'dev@acme.example', 'FAIL'],
    ]);
  });

  test('without a Workspace admin subject, 2-Step Verification is a manual attestation, not a pass', async () => {
    installOrg(fake, fixtureOrg());
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }));
    const results = runCheck(check('gcp-workspace-users-2sv-enrolled'), listings, { now: NOW });
    expect(results.map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(results[0]?.evidence['reason']).toBe('manual attestation required: no Workspace admin subject configured');
    expect(fake.count('GET', /\/admin\/directory/)).toBe(0);
  });
});

describe('GCP adapter, Cloud Asset Inventory mode', () => {
  test('reports the mode and replaces per-resource calls with O(pages) searches', async () => {
    installOrg(fake, fixtureOrg({ cai: 'enabled' }));
    const { discovery, listings, api } = await collect(fakeConfig(fake, { organization: '123' }));
    expect(discovery.mode).toBe(MODE_CAI);
    // Bucket policies come from searchAllIamPolicies, key rings from searchAllResources.
    expect(fake.count('GET', /\/storage\/v1\/b\/[^/]+\/iam$/)).toBe(0);
    expect(fake.count('GET', /\/locations$/)).toBe(0);
    // A project CAI shows without SQL instances is not asked for them.
    expect(fake.count('GET', /acme-quiet\/instances$/)).toBe(0);
    expect(api.snapshot().calls['gcp']?.['asset']).toEqual({
      'cloudasset.assets.searchAllResources': Object.keys(ASSET_TYPES).length,
      'cloudasset.assets.searchAllIamPolicies': 1,
      // The configuration of GKE, BigQuery, Run...: one listing per project (3), and the contacts
      // set on each folder or organisation above them (3), once per scan.
      'cloudasset.assets.listResource': 6,
    });
    const buckets = listingOf(listings, 'acme-prod', 'gcp.storage.bucket');
    const publicBucket = buckets.items.ok ? buckets.items.value.find((b) => b.name === 'acme-prod-public') : undefined;
    expect((publicBucket?.data as unknown as { iamBindings: unknown }).iamBindings).toMatchObject({ ok: true, value: [{ members: ['allUsers'] }] });
    const assets = listingOf(listings, 'acme-prod', 'gcp.asset');
    expect(assets.items.ok && assets.items.value.find((a) => a.name === 'web-1' && a.data && (a.data as unknown as { assetType: string }).assetType.endsWith('Instance'))?.tags).toEqual({ owner: 'web' });
    expect(verdicts(listings, 'gcp-asset-location-allowed').length).toBeGreaterThan(0);
  });

  test('labels and residency are judged on the CAI view', async () => {
    installOrg(fake, fixtureOrg({ cai: 'enabled' }));
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }));
    const residency = runCheck(check('gcp-asset-location-allowed'), listings, { now: NOW, policy: { allowedRegions: { gcp: ['europe-west1', 'EU'] } } })
      .filter((r) => r.resource.account === 'acme-prod' && r.status === 'FAIL')
      .map((r) => r.resource.name)
      .sort();
    expect(residency).toEqual(['acme-prod-public', 'batch', 'batch-1', 'legacy']);
    const labels = runCheck(check('gcp-asset-required-labels-present'), listings, { now: NOW, policy: { requiredTags: [{ key: 'owner', resourceTypes: ['gcp.compute.instance', 'gcp.storage.*'] }] } })
      .filter((r) => r.resource.account === 'acme-prod' && r.status !== 'NOT_APPLICABLE')
      .map((r) => [r.resource.name, r.status])
      .sort();
    expect(labels).toEqual([['acme-prod-archive', 'FAIL'], ['acme-prod-public', 'FAIL'], ['acme-prod-records', 'PASS'], ['api-1', 'PASS'], ['batch-1', 'FAIL'], ['web-1', 'PASS']]);
  });
  test('lists crypto keys only in the key rings CAI shows a key in', async () => {
    const emptyRings = [1, 2, 3].map((i) => ({ location: 'us-central1', name: `retired-${i}`, keys: [] }));
    installOrg(fake, fixtureOrg({ cai: 'enabled', projects: [{ ...PROD, keyRings: [...PROD.keyRings!, ...emptyRings] }] }));
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }), { types: ['gcp.kms.crypto-key'] });
    expect(namesOf(listingOf(listings, 'acme-prod', 'gcp.kms.crypto-key'))).toEqual(['disks', 'docs', 'signing']);
    expect(fake.count('GET', /\/keyRings\/main\/cryptoKeys$/)).toBeGreaterThan(0);
    expect(fake.count('GET', /\/keyRings\/retired-\d\/cryptoKeys$/)).toBe(0);
  });
});

describe('GCP adapter, CAI coverage', () => {
  test('a configured project outside the searched organisation is read per service, not taken as empty', async () => {
    const outsider = { id: 'partner-shared', number: '2001', parent: 'organizations/555', firewalls: [{ name: 'partner-ssh', direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] }] };
    installOrg(fake, fixtureOrg({ cai: 'enabled', projects: [PROD, outsider] }));
    const { discovery, listings } = await collect(fakeConfig(fake, { organization: '123', projects: ['acme-prod', 'partner-shared'] }), { types: ['gcp.compute.firewall', 'gcp.compute.network'] });
    expect(discovery.mode).toBe(MODE_CAI);
    expect(namesOf(listingOf(listings, 'partner-shared', 'gcp.compute.firewall'))).toEqual(['partner-ssh']);
    // It has no networks, and is still asked: nothing in an index that does not cover it means nothing.
    expect(namesOf(listingOf(listings, 'partner-shared', 'gcp.compute.network'))).toEqual([]);
    expect(fake.count('GET', /partner-shared\/global\/networks$/)).toBe(1);
  });
});

describe('GCP credentials', () => {
  test('impersonates the configured scanner account: every API call carries its minted token', async () => {
    installOrg(fake, fixtureOrg());
    const minted: string[] = [];
    fake.route('POST', /^\/v1\/projects\/-\/serviceAccounts\/(?<sa>[^/:]+):generateAccessToken$/, (req) => {
      minted.push(`${req.params['sa']} by ${req.headers.authorization}`);
      return { body: { accessToken: 'scanner-token', expireTime: new Date(Date.now() + 3_600_000).toISOString() } };
    });
    const config = fakeConfig(fake, { organization: '123', impersonateServiceAccount: 'dutyscan@acme-security.iam.gserviceaccount.com', endpoints: { ...fakeConfig(fake).endpoints, iamcredentials: fake.url } });
    await collect(config, { types: ['gcp.project.iam-policy', 'gcp.compute.firewall', 'gcp.storage.bucket', 'gcp.logging.sink'] });
    const apiCalls = fake.requests.filter((r) => !r.path.endsWith(':generateAccessToken'));
    expect(apiCalls.length).toBeGreaterThan(10);
    expect(new Set(apiCalls.map((r) => r.authorization))).toEqual(new Set(['Bearer scanner-token']));
    // One token per client family (gax, googleapis, storage), each minted with the caller's own credentials.
    expect(new Set(minted)).toEqual(new Set(['dutyscan@acme-security.iam.gserviceaccount.com by Bearer test-token']));
    expect(minted).toHaveLength(3);
  });
});

describe('GCP task selection', () => {
  test('collecting one type makes only the calls that type needs', async () => {
    installOrg(fake, fixtureOrg());
    const { listings, api } = await collect(fakeConfig(fake, { organization: '123', assetInventory: 'off' }), { types: ['gcp.compute.firewall'] });
    expect(new Set(listings.map((l) => l.type))).toEqual(new Set(['gcp.compute.firewall']));
    expect(Object.keys(api.snapshot().calls['gcp'] ?? {}).sort()).toEqual(['compute', 'resourcemanager']);
    expect(Object.keys(api.snapshot().calls['gcp']?.['compute'] ?? {})).toEqual(['compute.firewalls.list']);
  });
});

describe('GCP discovery scope', () => {
  test('a configured project list, with include and exclude globs; an unreadable project is a failure', async () => {
    installOrg(fake, fixtureOrg());
    const { discovery } = await collect(fakeConfig(fake, { projects: ['acme-prod', 'acme-quiet', 'acme-gone', 'other-x'], includeProjects: ['acme-*'], excludeProjects: ['*-quiet'] }));
    expect(discovery.targets.map((t) => t.account)).toEqual(['acme-prod', 'organizations/123']);
    expect(discovery.failures.map((f) => [f.scope.account, f.error.code, f.error.operation])).toEqual([['acme-gone', 'ACCESS_DENIED', 'resourcemanager.projects.get']]);
    expect(fake.count('GET', /searchAll/)).toBe(0); // no org or folder scope was configured for CAI
  });

  test('an identity that can see no project is a discovery failure, never a clean scan', async () => {
    installOrg(fake, fixtureOrg({ folders: [], projects: [] }));
    const { discovery } = await collect(fakeConfig(fake, { organization: '123', assetInventory: 'off' }), { types: ['gcp.project'] });
    expect(discovery.targets.filter((t) => !t.account.startsWith('organizations/'))).toEqual([]);
    expect(discovery.failures.map((f) => [f.scope.account, f.error.code, f.error.operation])).toEqual([['projects', 'NOT_FOUND', 'resourcemanager.projects.list']]);
  });

  test('--shard splits projects by a stable hash; the organisation target lands in one shard', async () => {
    installOrg(fake, fixtureOrg());
    const config = fakeConfig(fake, { organization: '123' });
    const shards = await Promise.all([0, 1, 2].map(async (index) => (await collect(config, { shard: { index, count: 3 }, types: ['gcp.project'] })).discovery.targets.map((t) => t.account)));
    expect(shards.flat().sort()).toEqual(['acme-locked', 'acme-prod', 'acme-quiet', 'organizations/123']);
  });

  test('a folder scope walks only that folder', async () => {
    installOrg(fake, fixtureOrg());
    const { discovery, listings } = await collect(fakeConfig(fake, { folders: ['10'], assetInventory: 'off' }), { types: ['gcp.project.iam-policy'] });
    expect(discovery.targets.map((t) => t.account)).toEqual(['acme-locked', 'acme-prod', 'organizations/123']);
    expect(discovery.mode).toBe(MODE_PER_SERVICE);
    expect(listingOf(listings, 'acme-prod', 'gcp.project.iam-policy').items.ok).toBe(true);
  });
});
