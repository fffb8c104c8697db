/**
 * The service over the real engine (runScan, evaluate, mutelist, mappings): inventories go in,
 * recorded scans, drift and API answers come out. The checks here are defined in the test so
 * that the lifecycle assertions do not move when the bundled checks change; the demo run uses
 * the bundled checks and demo inventory as they are.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defineCheck, type AnyCheck } from '../../src/core/check.js';
import type { Listing } from '../../src/core/inventory.js';
import { collectionError } from '../../src/core/observed.js';
import { defaultConfig } from '../../src/config/schema.js';
import { demoSource } from '../../src/demo/index.js';
import { failedListing, listing, resource } from '../../src/inventory/build.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { engineScanFn } from '../../src/service/engine-scan.js';
import type { ScanScope } from '../../src/service/config.js';
import type { ScanCoordinator } from '../../src/service/scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import type { ScanRecord } from '../../src/store/types.js';
import { allChecks } from '../../checks/index.js';
import '../../providers/aws/model/index.js';
import { coordinator, silent } from './harness.js';

const catalog = loadCatalog();
const contract = resolveContract(catalog, 'iaas-customer-duties');

/** A bucket passes when tagged `encrypted=yes`: the data a collector would have is beside the point here. */
const bucketCheck = defineCheck({
  id: 'aws-s3-bucket-test-tagged-encrypted',
  title: 'Test buckets are tagged encrypted',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'test',
  remediation: { text: 'tag it' },
  assess: (r, ctx) => (r.tags['encrypted'] === 'yes' ? ctx.pass('tagged') : ctx.fail('untagged', { tags: r.tags })),
});
const userCheck = defineCheck({
  id: 'aws-iam-user-test-tagged-mfa',
  title: 'Test users are tagged mfa',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  duty: 'mfa',
  severity: 'critical',
  rationale: 'test',
  remediation: { text: 'tag it' },
  assess: (r, ctx) => (r.tags['mfa'] === 'yes' ? ctx.pass('tagged') : ctx.fail('untagged')),
});
const checks: AnyCheck[] = [bucketCheck, userCheck];

const account = { provider: 'aws' as const, account: '111122223333' };
const eu = { ...account, region: 'eu-west-1' };
const glob = { ...account, region: 'global' };
const bucket = (name: string, encrypted: boolean) =>
  resource('aws.s3.bucket', eu, { id: `arn:aws:s3:::${name}`, name, tags: encrypted ? { encrypted: 'yes' } : {}, data: {} as never });
const user = (name: string, mfa: boolean) =>
  resource('aws.iam.user', glob, { id: `arn:aws:iam::111122223333:user/${name}`, name, tags: mfa ? { mfa: 'yes' } : {}, data: {} as never });

type World = { buckets: Listing; users: Listing };
const world = (buckets: Listing, users: Listing): Listing[] => [buckets, users];

let store: SqlStore;
afterEach(async () => store?.close());

async function run(c: ScanCoordinator, scope: ScanScope): Promise<ScanRecord> {
  const t = c.trigger(scope, { trigger: 'schedule', schedule: 'e2e' });
  if (!t.accepted) throw new Error('refused');
  return (await t.done)!;
}

describe('the service over the real engine', () => {
  it('records findings and drift of successive scans of an inventory, scoped by check set and region', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const states: World[] = [
      { buckets: listing(eu, 'aws.s3.bucket', [bucket('logs', false), bucket('data', true)]), users: listing(glob, 'aws.iam.user', [user('alice', false)]) },
      { buckets: listing(eu, 'aws.s3.bucket', [bucket('logs', false), bucket('data', true)]), users: listing(glob, 'aws.iam.user', [user('alice', false)]) },
      // logs fixed; alice still without MFA, but this scan is IAM-only and must not touch the buckets.
      { buckets: listing(eu, 'aws.s3.bucket', [bucket('logs', true), bucket('data', false)]), users: listing(glob, 'aws.iam.user', [user('alice', true)]) },
      // The bucket listing fails: nothing in eu-west-1 may resolve; logs regressed is not visible.
      { buckets: failedListing(eu, 'aws.s3.bucket', collectionError('ACCESS_DENIED', 's3:ListAllMyBuckets', 'denied', eu)), users: listing(glob, 'aws.iam.user', [user('alice', true)]) },
      { buckets: listing(eu, 'aws.s3.bucket', [bucket('logs', true)]), users: listing(glob, 'aws.iam.user', [user('alice', false)]) },
    ];
    let i = 0;
    const scan = engineScanFn({
      config: defaultConfig(),
      checks,
      catalog,
      contract,
      log: silent,
      source: () => ({ kind: 'inventory', listings: world(states[i]!.buckets, states[i]!.users) }),
    });
    const c = coordinator(store, scan);
    const full: ScanScope = { providers: ['aws'] };
    const iamOnly: ScanScope = { providers: ['aws'], duties: ['mfa'] };

    const r1 = await run(c, full);
    expect(r1).toMatchObject({ status: 'completed', findings: 3, drift: { new: 2 } });
    expect(r1.summary?.counts.byStatus).toMatchObject({ PASS: 1, FAIL: 2 });
    i = 1;
    expect((await run(c, full)).drift).toEqual({ 'still-failing': 2 });
    i = 2;
    const partial = await run(c, iamOnly);
    expect(partial).toMatchObject({ findings: 1, drift: { resolved: 1 } });
    const logs = (await store.listFindings({ limit: 10, checkId: bucketCheck.id })).items.find((s) => s.resourceId === 'arn:aws:s3:::logs');
    expect(logs).toMatchObject({ lifecycle: 'open' });
    i = 3;
    const blind = await run(c, full);
    expect(blind.drift).toEqual({});
    expect(blind.summary?.complete).toBe(false);
    expect((await store.listFindings({ limit: 10, lifecycle: 'open' })).items.map((s) => s.resourceId)).toEqual(['arn:aws:s3:::logs']);
    i = 4;
    // logs passes now (its failure resolves); alice lost MFA again (regressed).
    expect((await run(c, full)).drift).toEqual({ resolved: 1, regressed: 1 });
  });

  it('runs the embedded demo organisation with the bundled checks twice: the second scan finds nothing new', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const engine = engineScanFn({ config: defaultConfig(), checks: allChecks, catalog, contract, log: silent, source: demoSource });
    const ids = new Set<string>();
    const c = coordinator(store, (request, emit) => engine(request, async (f) => {
      ids.add(f.id);
      await emit(f);
    }));
    const scope: ScanScope = { providers: ['aws', 'azure', 'gcp'] };
    const first = await run(c, scope);
    expect(first.status).toBe('completed');
    let rows = 0;
    for await (const _ of store.scanFindings(first.id)) rows++;
    expect(first.summary?.findings).toBeGreaterThan(0);
    // One row per finding id (an id can repeat across accounts: AWS-managed policy ARNs are not account-unique).
    expect(rows).toBe(ids.size);
    expect(first.drift.new ?? 0).toBeGreaterThan(0);
    expect(first.drift.new ?? 0).toBeLessThanOrEqual(first.summary!.counts.byStatus.FAIL);
    const second = await run(c, scope);
    expect(second.drift.new ?? 0).toBe(0);
    expect(second.drift['still-failing'] ?? 0).toBe(first.drift.new ?? 0);
  });
});
