import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { changeEvents, changeToOcsf, classify, type ChangeEvent } from '../../src/service/drift.js';
import { toOcsf } from '../../src/output/ocsf.js';
import type { ScanScope } from '../../src/service/config.js';
import type { ScanCoordinator } from '../../src/service/scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import type { ScanRecord } from '../../src/store/types.js';
import { finding } from '../support/findings.js';
import { coordinator, scriptedScan } from './harness.js';

const ALL: ScanScope = { providers: ['aws'] };
const IAM_ONLY: ScanScope = { providers: ['aws'], checks: ['aws-iam-*'] };

const s3 = (name: string, status: Finding['status'], extra: Parameters<typeof finding>[0] = {}): Finding =>
  finding({ status, ...extra, resource: { id: `arn:aws:s3:::${name}`, name, ...extra.resource } });
const iamUser = (name: string, status: Finding['status']): Finding =>
  finding({
    status,
    check: { id: 'aws-iam-user-mfa-enabled', title: 'IAM users sign in with MFA', duty: 'mfa', service: 'iam' },
    resource: { id: `arn:aws:iam::111122223333:user/${name}`, name, type: 'aws.iam.user', region: 'global' },
  });

/** The engine's ERROR for a scope it could not list: on the scope pseudo-resource. */
const unlistable = (region: string): Finding =>
  finding({
    status: 'ERROR',
    resource: { id: `aws:111122223333/${region}`, name: `111122223333/${region}`, type: 'aws.scope', region },
  });

async function run(c: ScanCoordinator, scope: ScanScope): Promise<ScanRecord> {
  const t = c.trigger(scope, { trigger: 'schedule', schedule: 'test' });
  if (!t.accepted) throw new Error(`refused: ${t.reason}`);
  const record = await t.done;
  if (!record) throw new Error('not recorded');
  return record;
}

describe('classify', () => {
  const prev = (lifecycle: 'open' | 'resolved' | 'clean', muted = false) =>
    ({ lifecycle, muted, status: lifecycle === 'open' ? 'FAIL' : 'PASS' }) as Parameters<typeof classify>[1];

  it.each([
    ['FAIL', undefined, 'new', 'open'],
    ['FAIL', prev('clean'), 'new', 'open'],
    ['FAIL', prev('open'), 'still-failing', 'open'],
    ['FAIL', prev('resolved'), 'regressed', 'open'],
    ['PASS', prev('open'), 'resolved', 'resolved'],
    ['NOT_APPLICABLE', prev('open'), 'resolved', 'resolved'],
    ['PASS', undefined, null, 'clean'],
    ['PASS', prev('resolved'), null, 'resolved'],
    // Not being able to look is no verdict: an open finding stays open, a clean one clean.
    ['ERROR', prev('open'), null, 'open'],
    ['ERROR', undefined, null, 'clean'],
    // Nor is not looking: emptying the policy a failure was judged against does not resolve it.
    ['NOT_ASSESSED', prev('open'), null, 'open'],
    ['NOT_ASSESSED', prev('resolved'), null, 'resolved'],
  ] as const)('%s after %o is %s (%s)', (status, previous, change, lifecycle) => {
    expect(classify(s3('x', status), previous)).toEqual({ change, lifecycle });
  });

  it('tells a new mute and an expired mute from a finding that merely stays failing', () => {
    const mute = { reason: 'accepted risk', rule: 0 };
    expect(classify(s3('x', 'FAIL', { muted: true, mute }), prev('open')).change).toBe('muted');
    expect(classify(s3('x', 'FAIL'), prev('open', true)).change).toBe('mute-expired');
    expect(classify(s3('x', 'FAIL', { muted: true, mute }), prev('open', true)).change).toBe('still-failing');
  });
});

describe('drift across scans', () => {
  let store: SqlStore;
  afterEach(async () => store?.close());

  it('new -> still failing -> resolved -> regressed over successive scans, with the OCSF change events of each', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const plan: Finding['status'][] = ['FAIL', 'FAIL', 'PASS', 'FAIL'];
    const events: ChangeEvent[][] = [];
    const c = coordinator(store, scriptedScan((_, i) => [s3('logs', plan[i]!)]), {
      onChanges: async (e) => {
        events.push([...e]);
      },
    });
    const drift = [];
    for (let i = 0; i < plan.length; i++) drift.push((await run(c, ALL)).drift);
    expect(drift).toEqual([{ new: 1 }, { 'still-failing': 1 }, { resolved: 1 }, { regressed: 1 }]);
    // Changes-only sinks hear Create, nothing, Close, Create.
    expect(events.map((e) => e.map((x) => [x.change, x.activity.name]))).toEqual([[['new', 'Create']], [['resolved', 'Close']], [['regressed', 'Create']]]);
    const close = changeToOcsf(events[1]![0]!, { id: 'scan-3', contract: { id: 'iaas-customer-duties', title: 'IaaS' } });
    expect(close).toMatchObject({ class_uid: 2003, activity_id: 3, activity_name: 'Close', type_uid: 200303, status_id: 4 });
    // Changes-only sinks encode the event's finding itself: it carries the change, so they say Close too.
    expect(events[1]![0]!.finding.change).toBe('resolved');
    expect(toOcsf(events[1]![0]!.finding)).toMatchObject({ activity_id: 3, status_id: 4 });
    const create = changeToOcsf(events[0]![0]!, { id: 'scan-1', contract: { id: 'iaas-customer-duties', title: 'IaaS' } });
    expect(create).toMatchObject({ activity_id: 1, type_uid: 200301, metadata: expect.objectContaining({ correlation_uid: 'scan-1' }) });
  });

  it('resolves a failing resource that disappeared from a cell the scan looked at', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const c = coordinator(store, scriptedScan((_, i) => (i === 0 ? [s3('gone', 'FAIL'), s3('kept', 'PASS')] : [s3('kept', 'PASS')])));
    await run(c, ALL);
    const second = await run(c, ALL);
    expect(second.drift).toEqual({ resolved: 1 });
    const id = s3('gone', 'FAIL').id;
    expect((await store.findingStates([id])).get(id)).toMatchObject({ lifecycle: 'resolved', lastScanId: second.id, status: 'FAIL' });
  });

  it('a partial scan (IAM only) never resolves findings of checks it did not run', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const full = coordinator(store, scriptedScan(() => [s3('open-bucket', 'FAIL'), iamUser('alice', 'FAIL')]));
    await run(full, ALL);
    const iam = coordinator(store, scriptedScan(() => [iamUser('alice', 'PASS')]));
    const partial = await run(iam, IAM_ONLY);
    expect(partial.drift).toEqual({ resolved: 1 });
    const bucket = s3('open-bucket', 'FAIL').id;
    expect((await store.findingStates([bucket])).get(bucket)).toMatchObject({ lifecycle: 'open' });
    // And a full scan afterwards sees the bucket still failing, not new.
    const again = coordinator(store, scriptedScan(() => [s3('open-bucket', 'FAIL'), iamUser('alice', 'PASS')]));
    expect((await run(again, ALL)).drift).toEqual({ 'still-failing': 1 });
  });

  it('a region the scan could not list resolves nothing in it, nor does another account or region', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const first = coordinator(store, scriptedScan(() => [
      s3('eu', 'FAIL'),
      s3('us', 'FAIL', { resource: { region: 'us-east-1' } }),
      s3('other-account', 'FAIL', { resource: { account: '999988887777' } }),
    ]));
    await run(first, ALL);
    // eu-west-1 could not be listed this time; us-east-1 was listed and the bucket is fixed; the other account was not scanned.
    const second = coordinator(store, scriptedScan(() => [unlistable('eu-west-1'), s3('us', 'PASS', { resource: { region: 'us-east-1' } })]));
    expect((await run(second, ALL)).drift).toEqual({ resolved: 1 });
    const open = await store.listFindings({ limit: 10, lifecycle: 'open' });
    expect(open.items.map((s) => s.resourceId).sort()).toEqual(['arn:aws:s3:::eu', 'arn:aws:s3:::other-account']);
  });

  it('an account-wide listing (buckets each in their own region) resolves the last bucket of a region when it is gone', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const lone = s3('lone', 'FAIL', { resource: { region: 'eu-central-1' } });
    // The engine's NOT_APPLICABLE for an empty account-wide listing sits at region global.
    const emptyGlobal = finding({ status: 'NOT_APPLICABLE', resource: { id: 'aws:111122223333', name: '111122223333', type: 'aws.scope', region: 'global' } });
    await run(coordinator(store, scriptedScan(() => [lone])), ALL);
    // A region filter that leaves eu-central-1 out concludes nothing there.
    expect((await run(coordinator(store, scriptedScan(() => [emptyGlobal])), { providers: ['aws'], regions: ['us-east-1'] })).drift).toEqual({});
    expect((await run(coordinator(store, scriptedScan(() => [emptyGlobal])), ALL)).drift).toEqual({ resolved: 1 });
  });

  it('an unlistable account-wide listing resolves nothing in any region', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    await run(coordinator(store, scriptedScan(() => [s3('lone', 'FAIL', { resource: { region: 'eu-central-1' } })])), ALL);
    expect((await run(coordinator(store, scriptedScan(() => [unlistable('global')])), ALL)).drift).toEqual({});
    expect((await store.listFindings({ limit: 5, lifecycle: 'open' })).items).toHaveLength(1);
  });

  it('an interrupted or failed scan records what it saw but resolves nothing it did not see', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    await run(coordinator(store, scriptedScan(() => [s3('a', 'FAIL'), s3('b', 'FAIL')])), ALL);
    const failing = coordinator(store, async (_request, emit) => {
      await emit(s3('a', 'PASS'));
      throw new Error('credentials expired');
    });
    const failed = await run(failing, ALL);
    expect(failed).toMatchObject({ status: 'failed', message: 'credentials expired', drift: { resolved: 1 } });
    const b = s3('b', 'FAIL').id;
    expect((await store.findingStates([b])).get(b)).toMatchObject({ lifecycle: 'open' });
  });

  it('reports newly muted and mute expired, and keeps the mutelist in force with the scan', async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const mute = { reason: 'accepted until the migration', rule: 0, expires: '2026-11-30' };
    const plan = [s3('m', 'FAIL'), s3('m', 'FAIL', { muted: true, mute }), s3('m', 'FAIL')];
    const entry = { check: '*', account: '*', region: '*', resource: 'arn:aws:s3:::m', tags: {}, reason: mute.reason, expires: mute.expires };
    const c = coordinator(store, scriptedScan((_, i) => [plan[i]!]), { mutes: (now) => [{ rule: 0, entry, expired: now.toISOString() > '2026-11-30' }] });
    const drift = [];
    for (let i = 0; i < plan.length; i++) drift.push((await run(c, ALL)).drift);
    expect(drift).toEqual([{ new: 1 }, { muted: 1 }, { 'mute-expired': 1 }]);
    const scans = (await store.listScans({ limit: 3 })).items;
    expect(await store.scanMutes(scans[0]!.id)).toEqual([{ rule: 0, entry, expired: false }]);
  });

  it('records an id seen twice in one scan once, in one batch or across batches', async () => {
    for (const batchSize of [1, 200]) {
      await store?.close();
      store = openSqliteStore(':memory:');
      await store.migrate();
      const twice = s3(`twice-${batchSize}`, 'FAIL');
      const c = coordinator(store, scriptedScan(() => [twice, s3('other', 'PASS'), { ...twice, resource: { ...twice.resource, account: '999988887777' } }]), { batchSize });
      const scan = await run(c, ALL);
      expect(scan.drift).toEqual({ new: 1 });
      let rows = 0;
      for await (const _ of store.scanFindings(scan.id)) rows++;
      expect(rows).toBe(2);
    }
  });

  it('changeEvents leaves out findings that only stayed failing or did not move', () => {
    const base = { previous: undefined, observed: true };
    const state = (f: Finding) => ({ finding: f }) as never;
    const events = changeEvents([
      { ...base, change: 'still-failing', state: state(s3('a', 'FAIL')) },
      { ...base, change: null, state: state(s3('b', 'PASS')) },
      { ...base, change: 'mute-expired', state: state(s3('c', 'FAIL')) },
    ]);
    expect(events.map((e) => [e.change, e.activity.id])).toEqual([['mute-expired', 2]]);
  });
});
