/**
 * The history store contract. SQLite and PostgreSQL run this same suite (sqlite.test.ts,
 * postgres.test.ts), each on a fresh database per test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { InvalidCursorError, type SqlStore } from '../../src/store/sql-store.js';
import type { NewScan } from '../../src/store/types.js';
import { observe } from '../../src/service/drift.js';
import { finding, summaryOf } from '../support/findings.js';
import { coordinator, scriptedScan, silent } from '../service/harness.js';
import { defaultConfig } from '../../src/config/schema.js';
import { demoSource } from '../../src/demo/index.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { engineScanFn } from '../../src/service/engine-scan.js';
import { allChecks } from '../../checks/index.js';
import { buildServer, registryFormats } from '../../src/service/server.js';
import { ServiceMetrics } from '../../src/service/metrics.js';
import { dayOf } from '../../src/attestation/expiry.js';

const scope = { providers: ['aws' as const] };

const newScan = (id: string, startedAt: string, extra: Partial<NewScan> = {}): NewScan => ({
  id,
  schedule: 'daily',
  trigger: 'schedule',
  scopeKey: 'k1',
  scope,
  startedAt,
  mutes: [],
  ...extra,
});

const bucket = (name: string, status: Finding['status'], extra: Parameters<typeof finding>[0] = {}): Finding =>
  finding({ status, ...extra, resource: { id: `arn:aws:s3:::${name}`, name, ...extra.resource } });

/** What a scan of the embedded demo organisation emits, scanned once and replayed by the size test. */
let demo: Promise<Finding[]> | undefined;
function demoFindings(): Promise<Finding[]> {
  demo ??= (async () => {
    const catalog = loadCatalog();
    const scan = engineScanFn({ config: defaultConfig(), checks: allChecks, catalog, contract: resolveContract(catalog, 'iaas-customer-duties'), log: silent, source: demoSource });
    const findings: Finding[] = [];
    await scan({ scanId: 'demo', scope: { providers: ['aws', 'azure', 'gcp'] }, signal: new AbortController().signal, now: new Date() }, async (f) => { findings.push(f); });
    return findings;
  })();
  return demo;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function storeSuite(name: string, open: () => Promise<SqlStore>): void {
  describe(`${name} history store`, () => {
    const opened: SqlStore[] = [];
    const fresh = async (migrate = true) => {
      const store = await open();
      opened.push(store);
      if (migrate) await store.migrate();
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    it('migrates an empty database to the latest version; migrating again changes nothing', async () => {
      const store = await fresh(false);
      expect(await store.schemaVersion()).toBe(0);
      expect(await store.migrate()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.migrate()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      const versions = await store.driver.all('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.map((r) => Number(r['version']))).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('migrates a version-1 database holding data to the latest version and keeps the data', async () => {
      const store = await fresh(false);
      expect(await store.migrate(1)).toBe(1);
      // Rows as version 1 of the schema wrote them.
      await store.driver.run(
        `INSERT INTO scans (id, schedule, triggered_by, scope_key, scope, status, started_at, finished_at, duration_ms, findings, errors)
         VALUES ('old-scan', 'daily', 'schedule', 'k1', '{"providers":["aws"]}', 'completed', '2026-01-01T00:00:00.000Z', '2026-01-01T00:01:00.000Z', 60000, 1, '[]')`,
      );
      const f = bucket('legacy', 'FAIL');
      await store.driver.run(
        `INSERT INTO findings (id, check_id, provider, account, region, resource_id, severity, duty, status, muted, lifecycle, first_seen, last_seen, failing_since, last_scan_id, finding)
         VALUES (?, ?, 'aws', '111122223333', 'eu-west-1', ?, 'high', 'encryption-at-rest', 'FAIL', 0, 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'old-scan', ?)`,
        [f.id, f.check.id, f.resource.id, JSON.stringify(f)],
      );
      expect(await store.migrate()).toBe(LATEST_SCHEMA_VERSION);

      const scan = await store.getScan('old-scan');
      expect(scan).toMatchObject({ id: 'old-scan', status: 'completed', durationMs: 60000, drift: {} });
      const states = await store.findingStates([f.id]);
      expect(states.get(f.id)).toMatchObject({ lifecycle: 'open', failingSince: '2026-01-01T00:00:00.000Z', finding: { id: f.id } });
      // The version-2 tables work on the migrated data: the old open finding resolves.
      const c = coordinator(store, scriptedScan(() => [bucket('legacy', 'PASS')]));
      const t = c.trigger(scope, { trigger: 'api' });
      if (!t.accepted) throw new Error('refused');
      expect((await t.done)?.drift).toEqual({ resolved: 1 });
      expect(await store.transitions(f.id)).toEqual([expect.objectContaining({ from: 'FAIL', to: 'PASS', change: 'resolved' })]);
    });

    it('refuses a database migrated by a newer dutyscan', async () => {
      const store = await fresh();
      await store.driver.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00Z')`);
      await expect(store.migrate()).rejects.toThrow(/newer than this dutyscan/);
    });

    it('records a scan from start to finish with its summary, drift and the mutes in force', async () => {
      const store = await fresh();
      const mute = { check: 'aws-*', account: '*', region: '*', resource: '*', tags: {}, reason: 'accepted risk', expires: '2026-12-31' };
      await store.startScan(newScan('s1', '2026-11-22T10:00:00.000Z', { mutes: [{ rule: 0, entry: mute, expired: false }] }));
      expect(await store.getScan('s1')).toMatchObject({ status: 'running', finishedAt: null, summary: null });
      const summary = summaryOf([bucket('a', 'FAIL')]);
      await store.finishScan('s1', { status: 'completed', finishedAt: '2026-11-22T10:02:30.000Z', summary, message: null, drift: { new: 1 } });
      const scan = await store.getScan('s1');
      expect(scan).toMatchObject({ status: 'completed', durationMs: 150_000, findings: summary.findings, drift: { new: 1 }, totalApiCalls: summary.totalApiCalls });
      expect(scan?.summary?.counts).toEqual(summary.counts);
      expect(await store.scanMutes('s1')).toEqual([{ rule: 0, entry: mute, expired: false }]);
      expect(await store.getScan('nope')).toBeUndefined();
    });

    it('keeps the shards of a run with their scans; a retried shard replaces its attempt; pruning its scan removes it', async () => {
      const store = await fresh();
      const contract = resolveContract(loadCatalog(), 'iaas-customer-duties');
      const context = { checks: ['aws-s3-bucket-not-public'], contract, attestations: [], now: '2026-11-22T10:00:00.000Z' };
      const shard = (index: number, scanId: string) => ({ runId: 'job-1', index, count: 2, scanId, context, recordedAt: '2026-11-22T10:00:00.000Z' });
      await store.startScan(newScan('a0', '2026-11-22T10:00:00.000Z'));
      await store.addRunShard(shard(0, 'a0'));
      await store.addRunShard(shard(1, 'never-started'));
      expect(await store.runShards('job-1')).toMatchObject([
        { index: 0, count: 2, scanId: 'a0', context, scan: { id: 'a0', status: 'running' } },
        { index: 1, scanId: 'never-started', scan: undefined },
      ]);
      await store.startScan(newScan('a1', '2026-11-22T10:05:00.000Z'));
      await store.addRunShard(shard(1, 'a1'));
      expect((await store.runShards('job-1')).map((s) => [s.index, s.scan?.id])).toEqual([[0, 'a0'], [1, 'a1']]);
      expect(await store.runShards('other')).toEqual([]);
      await store.finishScan('a0', { status: 'completed', finishedAt: '2026-11-22T10:01:00.000Z', summary: null, message: null, drift: {} });
      expect(await store.prune('2026-11-22T10:03:00.000Z')).toBe(1);
      expect((await store.runShards('job-1')).map((s) => s.index)).toEqual([1]);
    });

    it('lists and counts open failures past their due date as of a time (none for a muted or period-less one); a cure or a regression changes it', async () => {
      const store = await fresh();
      const plan: Finding[][] = [
        [bucket('late', 'FAIL', { curePeriod: '1d' }), bucket('fresh', 'FAIL', { curePeriod: '30d' }), bucket('plain', 'FAIL'), bucket('muted', 'FAIL', { muted: true, curePeriod: '1d' })],
        [bucket('late', 'PASS'), bucket('fresh', 'FAIL', { curePeriod: '30d' })],
        [bucket('late', 'FAIL', { curePeriod: '1d' })],
      ];
      const c = coordinator(store, scriptedScan((_r, call) => plan[call]!));
      const scan = async () => {
        const t = c.trigger(scope, { trigger: 'api' });
        if (!t.accepted) throw new Error('refused');
        return (await t.done)!;
      };
      const plusDays = (iso: string, days: number, ms = 0) => new Date(Date.parse(iso) + days * 86_400_000 + ms).toISOString();
      const overdueAt = async (at: string, value = true) =>
        (await store.listFindings({ limit: 50, overdue: { at, value } })).items.map((s) => s.resourceId.replace('arn:aws:s3:::', '')).sort();

      const first = await scan();
      const late = bucket('late', 'FAIL').id;
      expect((await store.findingStates([late])).get(late)?.finding).toMatchObject({ dueAt: plusDays(first.startedAt, 1), overdue: false });
      // Due at first + 1 day: not overdue at that instant, overdue a millisecond later.
      expect(await store.countOverdue(plusDays(first.startedAt, 1))).toBe(0);
      expect(await store.countOverdue(plusDays(first.startedAt, 1, 1))).toBe(1);
      expect(await overdueAt(plusDays(first.startedAt, 2))).toEqual(['late']);
      expect(await overdueAt(plusDays(first.startedAt, 2), false)).toEqual(['fresh', 'muted', 'plain']);
      expect(await overdueAt(plusDays(first.startedAt, 31))).toEqual(['fresh', 'late']);

      // Cured: no longer overdue, whenever we ask; "fresh" keeps the date its first failure gave it.
      await scan();
      expect(await overdueAt(plusDays(first.startedAt, 31))).toEqual(['fresh']);
      const freshId = bucket('fresh', 'FAIL').id;
      expect((await store.findingStates([freshId])).get(freshId)?.finding.dueAt).toBe(plusDays(first.startedAt, 30));

      // A regression starts a new cure period.
      const third = await scan();
      expect((await store.findingStates([late])).get(late)?.finding.dueAt).toBe(plusDays(third.startedAt, 1));
      expect(await store.countOverdue(plusDays(third.startedAt, 1, 1))).toBe(1);
    });

    it('prunes finished scans older than the cutoff with their rows, keeping running scans and current finding states', async () => {
      const store = await fresh();
      const c = coordinator(store, scriptedScan(() => [bucket('kept', 'FAIL')]));
      const old = c.trigger(scope, { trigger: 'api' });
      if (!old.accepted) throw new Error('refused');
      const oldScan = (await old.done)!;
      await store.startScan(newScan('still-running', '2000-01-01T00:00:00.000Z'));
      const recent = c.trigger(scope, { trigger: 'api' });
      if (!recent.accepted) throw new Error('refused');
      const recentScan = (await recent.done)!;
      expect(await store.prune(recentScan.startedAt)).toBe(1);
      expect(await store.getScan(oldScan.id)).toBeUndefined();
      expect(await store.getScan('still-running')).toBeDefined();
      let rows = 0;
      for await (const _ of store.scanFindings(oldScan.id)) rows++;
      expect(rows).toBe(0);
      const id = bucket('kept', 'FAIL').id;
      expect((await store.findingStates([id])).get(id)).toMatchObject({ lifecycle: 'open', firstSeen: oldScan.startedAt });
      expect((await store.transitions(id)).map((t) => t.scanId)).toEqual([]);
      expect(await store.prune(recentScan.startedAt)).toBe(0);
    });

    it('compacts the findings of scans beyond the retention, keeping their counts, drift, summary and the findings\' transitions', async () => {
      const store = await fresh();
      const statuses: Finding['status'][] = ['FAIL', 'FAIL', 'PASS', 'FAIL', 'FAIL'];
      const c = coordinator(store, scriptedScan((request, call) => (request.scope.regions ? [bucket('regional', 'FAIL')] : [bucket('drifty', statuses[call - 1]!), bucket('steady', 'PASS')])));
      const run = async (s: typeof scope & { regions?: string[] }) => {
        const t = c.trigger(s, { trigger: 'schedule', schedule: 'daily' });
        if (!t.accepted) throw new Error('refused');
        return (await t.done)!;
      };
      const other = await run({ ...scope, regions: ['eu-west-1'] });
      const scans = [];
      for (let i = 0; i < statuses.length; i++) scans.push(await run(scope));
      await store.startScan(newScan('still-running', '2000-01-01T00:00:00.000Z'));
      const rows = async (id: string) => {
        let n = 0;
        for await (const _ of store.scanFindings(id)) n++;
        return n;
      };

      // The last two scans of each scope keep their findings: three of the five, not the other scope's only scan.
      expect(await store.compact({ scans: 2 }, '2027-01-01T00:00:00.000Z')).toBe(3);
      for (const [i, scan] of scans.entries()) {
        const kept = i >= 3;
        expect([i, await rows(scan.id), (await store.getScan(scan.id))?.compactedAt]).toEqual([i, kept ? 2 : 0, kept ? null : '2027-01-01T00:00:00.000Z']);
        expect(await store.getScan(scan.id)).toMatchObject({ drift: scan.drift, counts: scan.counts, findings: 2, summary: { findings: 2 } });
      }
      expect([await rows(other.id), (await store.getScan('still-running'))?.compactedAt]).toEqual([1, null]);
      const drifty = bucket('drifty', 'FAIL').id;
      expect((await store.transitions(drifty)).map((t) => [t.scanId, t.change])).toEqual([[scans[0]!.id, 'new'], [scans[2]!.id, 'resolved'], [scans[3]!.id, 'regressed']]);
      expect((await store.findingStates([drifty])).get(drifty)).toMatchObject({ lifecycle: 'open', firstSeen: scans[0]!.startedAt });
      expect(await store.compact({ scans: 2 }, '2027-01-02T00:00:00.000Z')).toBe(0);

      // By age: nothing started before the cutoff keeps its findings, whatever the count.
      expect(await store.compact({ before: scans[4]!.startedAt }, '2027-01-03T00:00:00.000Z')).toBe(2);
      expect([await rows(other.id), await rows(scans[3]!.id), await rows(scans[4]!.id)]).toEqual([0, 0, 2]);
      expect(await store.compact({}, '2027-01-04T00:00:00.000Z')).toBe(0);
    });

    it('stays flat under retention: 100 demo scans with the findings of the last 10 kept, against all kept', async () => {
      const findings = await demoFindings();
      const sizes = async (keepFindings: { scans: number } | undefined) => {
        const store = await fresh();
        const c = coordinator(store, scriptedScan(() => findings), { keepFindings });
        const after: number[] = [];
        for (let i = 1; i <= 100; i++) {
          const t = c.trigger(scope, { trigger: 'schedule', schedule: 'daily' });
          if (!t.accepted) throw new Error('refused');
          await t.done;
          if (i % 25 === 0) after.push(await store.sizeBytes());
        }
        return after;
      };
      const all = await sizes(undefined);
      const retained = await sizes({ scans: 10 });
      console.info(`${name} store after 25, 50, 75, 100 demo scans of ${findings.length} findings: all findings kept ${all.map(megabytes).join(', ')}; the last 10 scans' kept ${retained.map(megabytes).join(', ')}`);
      expect(retained[3]!).toBeLessThan(all[3]! / 4);
      // From scan 50 to 100 the store grows by its compact history only (counts, drift, summaries), a small part of what all findings add.
      expect(retained[3]! - retained[1]!).toBeLessThan((all[3]! - all[1]!) / 10);
    }, 600_000);

    it('marks scans left running by a dead process as interrupted', async () => {
      const store = await fresh();
      await store.startScan(newScan('s1', '2026-11-22T10:00:00.000Z'));
      expect(await store.abandonRunningScans('process died', '2026-11-22T11:00:00.000Z')).toBe(1);
      expect(await store.getScan('s1')).toMatchObject({ status: 'interrupted', message: 'process died' });
      expect(await store.abandonRunningScans('again', '2026-11-22T12:00:00.000Z')).toBe(0);
    });

    it('pages scans newest first with a cursor, ties on the start time broken by id, and filters them', async () => {
      const store = await fresh();
      const ids = ['a', 'b', 'c', 'd', 'e'];
      for (const [i, id] of ids.entries()) {
        // Two scans share each start time.
        await store.startScan(newScan(id, `2026-11-22T10:0${Math.floor(i / 2)}:00.000Z`, { schedule: i % 2 ? 'hourly' : 'daily', scopeKey: i % 2 ? 'k2' : 'k1' }));
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listScans({ limit: 2, cursor });
        seen.push(...page.items.map((s) => s.id));
        cursor = page.next;
        pages++;
      } while (cursor);
      expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(pages).toBe(3);
      expect((await store.listScans({ limit: 10, schedule: 'hourly' })).items.map((s) => s.id)).toEqual(['d', 'b']);
      expect((await store.listScans({ limit: 10, status: 'completed' })).items).toEqual([]);
      await store.finishScan('c', { status: 'completed', finishedAt: '2026-11-22T10:05:00.000Z', summary: null, message: null, drift: {} });
      expect((await store.previousScan('k1', '2026-11-22T11:00:00.000Z'))?.id).toBe('c');
      expect(await store.previousScan('k2', '2026-11-22T11:00:00.000Z')).toBeUndefined();
    });

    it('pages current findings by id with filters, and rejects a cursor it did not issue', async () => {
      const store = await fresh();
      await store.startScan(newScan('s1', '2026-11-22T10:00:00.000Z'));
      const findings = Array.from({ length: 7 }, (_, i) =>
        bucket(`b${i}`, i < 5 ? 'FAIL' : 'PASS', { severity: i % 2 ? 'low' : 'critical', resource: { region: i < 3 ? 'eu-west-1' : 'us-east-1' } }),
      );
      await store.record('s1', '2026-11-22T10:00:00.000Z', findings.map((f) => observe(f, undefined, 's1', '2026-11-22T10:00:00.000Z')));

      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listFindings({ limit: 3, cursor });
        expect(page.items.length).toBeLessThanOrEqual(3);
        all.push(...page.items.map((s) => s.id));
        cursor = page.next;
      } while (cursor);
      expect(all).toEqual(findings.map((f) => f.id).sort());

      const failing = await store.listFindings({ limit: 50, status: 'FAIL', lifecycle: 'open' });
      expect(failing.items).toHaveLength(5);
      expect(failing.next).toBeUndefined();
      expect((await store.listFindings({ limit: 50, severity: 'critical', region: 'us-east-1' })).items.map((s) => s.resourceId).sort())
        .toEqual(['arn:aws:s3:::b4', 'arn:aws:s3:::b6']);
      expect((await store.listFindings({ limit: 50, lifecycle: 'clean' })).items).toHaveLength(2);
      expect((await store.listFindings({ limit: 50, muted: true })).items).toHaveLength(0);
      const first = (await store.listFindings({ limit: 1, checkId: findings[0]!.check.id, account: '111122223333', provider: 'aws', duty: 'encryption-at-rest' })).items[0];
      expect(first).toMatchObject({ firstSeen: '2026-11-22T10:00:00.000Z', lastScanId: 's1', finding: { firstSeen: '2026-11-22T10:00:00.000Z' } });

      await expect(store.listFindings({ limit: 3, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(store.listScans({ limit: 3, cursor: Buffer.from('["x"]').toString('base64url') })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('streams a scan\'s findings past one page, each with its change', async () => {
      const store = await fresh();
      const findings = Array.from({ length: 1200 }, (_, i) => bucket(`bulk-${i}`, i % 3 ? 'PASS' : 'FAIL'));
      const c = coordinator(store, scriptedScan(() => findings));
      const t = c.trigger(scope, { trigger: 'api' });
      if (!t.accepted) throw new Error('refused');
      const scan = await t.done;
      expect(scan).toMatchObject({ status: 'completed', drift: { new: 400 } });
      let n = 0;
      let changed = 0;
      for await (const row of store.scanFindings(scan!.id)) {
        n++;
        if (row.change === 'new') changed++;
      }
      expect([n, changed]).toEqual([1200, 400]);
    });

    it('follows a finding through new, still failing, resolved and regressed, with firstSeen kept and transitions recorded', async () => {
      const store = await fresh();
      const statuses: Finding['status'][] = ['FAIL', 'FAIL', 'PASS', 'FAIL'];
      const c = coordinator(store, scriptedScan((_, call) => [bucket('drifty', statuses[call]!), bucket('steady', 'PASS')]));
      const scans = [];
      for (let i = 0; i < statuses.length; i++) {
        const t = c.trigger(scope, { trigger: 'schedule', schedule: 'daily' });
        if (!t.accepted) throw new Error('refused');
        scans.push((await t.done)!);
      }
      expect(scans.map((s) => s.drift)).toEqual([{ new: 1 }, { 'still-failing': 1 }, { resolved: 1 }, { regressed: 1 }]);
      const id = bucket('drifty', 'FAIL').id;
      const state = (await store.findingStates([id])).get(id)!;
      expect(state).toMatchObject({ lifecycle: 'open', status: 'FAIL', firstSeen: scans[0]!.startedAt, lastSeen: scans[3]!.startedAt, failingSince: scans[3]!.startedAt });
      expect((await store.transitions(id)).map((t) => [t.from, t.to, t.change])).toEqual([
        [null, 'FAIL', 'new'],
        ['FAIL', 'PASS', 'resolved'],
        ['PASS', 'FAIL', 'regressed'],
      ]);
      const steady = bucket('steady', 'PASS').id;
      expect((await store.findingStates([steady])).get(steady)).toMatchObject({ lifecycle: 'clean', firstSeen: scans[0]!.startedAt });
      const rows = [];
      for await (const row of store.scanFindings(scans[1]!.id)) rows.push(row);
      expect(rows.find((r) => r.finding.id === id)).toMatchObject({ change: 'still-failing', finding: { firstSeen: scans[0]!.startedAt, lastSeen: scans[1]!.startedAt } });
    });

    it('POST /attestations validates and stores sign-offs, GET lists them with their status, and service scans use them', async () => {
      const store = await fresh();
      const catalog = loadCatalog();
      const contract = resolveContract(catalog, 'iaas-customer-duties');
      const c = coordinator(store, engineScanFn({
        config: defaultConfig(), checks: allChecks.filter((k) => k.provider === 'aws'), catalog, contract, log: silent, source: demoSource,
        attestations: async () => store.listAttestations(),
      }), { clock: () => new Date() });
      const app = await buildServer({
        coordinator: c, store, metrics: new ServiceMetrics(), schedules: [], tokens: [], log: silent, host: '127.0.0.1', ...registryFormats(),
        attestations: { obligations: catalog.obligations, contract },
      });
      try {
        const daysAgo = (n: number) => dayOf(new Date(Date.now() - n * 86_400_000));
        const signOff = (obligation: string, date: string) => ({ obligation, by: 'Dana, CISO', date, statement: 'done', evidence: 'ticket SEC-1' });

        // Mistakes are named by JSON pointer and nothing is stored.
        const bad = await app.inject({ method: 'POST', url: '/attestations', payload: { version: 1, attestations: [signOff('people.trainin', daysAgo(1)), { ...signOff('people.training', daysAgo(1)), date: '1 May' }] } });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().errors).toEqual([{ pointer: '/body/attestations/1/date', detail: 'the sign-off date as YYYY-MM-DD' }]);
        const unknown = await app.inject({ method: 'POST', url: '/attestations', payload: { version: 1, attestations: [signOff('people.trainin', daysAgo(1))] } });
        expect(unknown.statusCode).toBe(400);
        expect(unknown.json().errors).toEqual([{ pointer: '/body/attestations/0/obligation', detail: expect.stringContaining('unknown obligation "people.trainin" (did you mean "people.training"?)') }]);
        const future = await app.inject({ method: 'POST', url: '/attestations', payload: { version: 1, attestations: [signOff('people.training', daysAgo(-2))] } });
        expect(future.json().errors[0]).toMatchObject({ pointer: '/body/attestations/0/date', detail: expect.stringContaining('cannot be dated in the future') });
        expect(await store.listAttestations()).toEqual([]);

        const posted = await app.inject({ method: 'POST', url: '/attestations', payload: { version: 1, attestations: [signOff('people.training', daysAgo(200)), signOff('governance.usage-monitoring', daysAgo(90))] } });
        expect(posted.statusCode).toBe(201);
        expect(posted.json().items.map((a: { status: string }) => a.status)).toEqual(['expired', 'expired']);
        await app.inject({ method: 'POST', url: '/attestations', payload: { version: 1, attestations: [signOff('people.training', daysAgo(89))] } });
        const listed = (await app.inject({ method: 'GET', url: '/attestations' })).json().items;
        expect(listed.map((a: { obligation: string; date: string; status: string; expires: string }) => [a.obligation, a.date, a.status, a.expires])).toEqual([
          ['people.training', daysAgo(200), 'superseded', daysAgo(110)],
          ['governance.usage-monitoring', daysAgo(90), 'expired', daysAgo(0)],
          ['people.training', daysAgo(89), 'valid', daysAgo(-1)],
        ]);

        const t = c.trigger({ providers: ['aws'] }, { trigger: 'api' });
        if (!t.accepted) throw new Error('refused');
        const scan = (await t.done)!;
        const obligation = (id: string) => scan.summary!.obligations.find((o) => o.id === id)!;
        expect(obligation('people.training')).toMatchObject({ status: 'met', metBy: 'attestation', attestation: { status: 'valid', applied: true, date: daysAgo(89) } });
        expect(obligation('governance.usage-monitoring')).toMatchObject({ status: 'attestation', attestation: { status: 'expired', applied: false, expires: daysAgo(0) } });
        const report = await app.inject({ method: 'GET', url: `/scans/${scan.id}/report?format=md` });
        expect(report.body).toContain(`**Met by attestation; expires on ${daysAgo(-1)}.**`);
        expect(report.body).toContain(`**Attestation expired on ${daysAgo(0)}.**`);
      } finally {
        await app.close();
      }
    });
  });
}
