import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { scheduleSchema, serviceSchema, type ScanScope } from '../../src/service/config.js';
import { ServiceMetrics } from '../../src/service/metrics.js';
import { Scheduler, scopeKey } from '../../src/service/scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { finding, summaryOf } from '../support/findings.js';
import { coordinator, gatedScan, scriptedScan, silent } from './harness.js';

const FULL: ScanScope = { providers: ['aws'] };
const IAM: ScanScope = { providers: ['aws'], checks: ['aws-iam-*'] };
const buckets = (n: number, status: Finding['status'] = 'FAIL') =>
  Array.from({ length: n }, (_, i) => finding({ status, resource: { id: `arn:aws:s3:::b${i}`, name: `b${i}` } }));

let store: SqlStore;
beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.migrate();
});
afterEach(async () => {
  await store.close();
});

describe('scope keys', () => {
  it('are equal for equal scopes whatever the order of their lists, and differ with the check set', () => {
    expect(scopeKey({ providers: ['gcp', 'aws'], regions: ['b', 'a'] })).toBe(scopeKey({ providers: ['aws', 'gcp'], regions: ['a', 'b'] }));
    expect(scopeKey(FULL)).not.toBe(scopeKey(IAM));
    expect(scopeKey({ providers: ['aws'], duties: ['mfa'] })).not.toBe(scopeKey(FULL));
  });
});

describe('the scan coordinator', () => {
  it('never runs two scans at once: the same scope is refused while running or queued, another scope waits its turn', async () => {
    const gate = gatedScan(buckets(4));
    const metrics = new ServiceMetrics({ defaultMetrics: false });
    const c = coordinator(store, gate.scan, { metrics });
    const first = c.trigger(FULL, { trigger: 'schedule', schedule: 'daily' });
    expect(first.accepted).toBe(true);
    await gate.started(1);
    const same = c.trigger({ providers: ['aws'] }, { trigger: 'api' });
    expect(same).toEqual({ accepted: false, reason: 'busy', scanId: first.accepted ? first.scanId : '' });
    const other = c.trigger(IAM, { trigger: 'schedule', schedule: 'hourly-iam' });
    expect(other.accepted).toBe(true);
    // Queued behind the running scan: a second trigger of that scope is refused too.
    expect(c.trigger(IAM, { trigger: 'schedule', schedule: 'hourly-iam' })).toMatchObject({ accepted: false, reason: 'busy' });
    expect(c.activity()).toEqual({ running: { scanId: first.accepted ? first.scanId : '', scopeKey: scopeKey(FULL) }, queued: [{ scanId: other.accepted ? other.scanId : '', scopeKey: scopeKey(IAM) }] });
    gate.release();
    await gate.started(2);
    gate.release();
    const [a, b] = await Promise.all([first.accepted && first.done, other.accepted && other.done]);
    expect([a && a.status, b && b.status]).toEqual(['completed', 'completed']);
    expect(gate.maxActive).toBe(1);
    expect(await metrics.render()).toMatch(/dutyscan_scans_skipped_total\{schedule="api",reason="busy"\} 1/);
    expect(await metrics.render()).toMatch(/dutyscan_scans_running 0/);
  });

  it('on stop (SIGTERM) mid-scan: takes no new work, drops the queue, aborts the running scan and records it as interrupted', async () => {
    const gate = gatedScan(buckets(6));
    const c = coordinator(store, gate.scan);
    const running = c.trigger(FULL, { trigger: 'schedule', schedule: 'daily' });
    const queued = c.trigger(IAM, { trigger: 'schedule', schedule: 'hourly' });
    if (!running.accepted || !queued.accepted) throw new Error('refused');
    await gate.started(1);
    const stopped = c.stop({ graceMs: 5_000 });
    expect(c.trigger(FULL, { trigger: 'api' })).toEqual({ accepted: false, reason: 'stopping' });
    await stopped;
    const record = await running.done;
    expect(record).toMatchObject({ status: 'interrupted', message: expect.stringMatching(/stopped/) });
    expect(record?.drift).toEqual({ new: 3 });
    expect(await queued.done).toBeUndefined();
    expect(gate.starts).toBe(1);
    expect((await store.listScans({ limit: 10 })).items.map((s) => s.status)).toEqual(['interrupted']);
    // What the interrupted scan saw is kept; nothing it did not see was resolved.
    expect((await store.listFindings({ limit: 10, lifecycle: 'open' })).items).toHaveLength(3);
  });

  it('survives a store that fails mid-scan: the scan is lost, logged, and the service goes on', async () => {
    const metrics = new ServiceMetrics({ defaultMetrics: false });
    const c = coordinator(store, async (_request, emit) => {
      await store.close();
      await emit(buckets(1)[0]!);
      return summaryOf([]);
    }, { metrics, batchSize: 1 });
    const t = c.trigger(FULL, { trigger: 'api' });
    if (!t.accepted) throw new Error('refused');
    expect(await t.done).toBeUndefined();
    expect(await metrics.render()).toMatch(/dutyscan_scans_running 0/);
    store = openSqliteStore(':memory:');
  });

  it('prunes scans past the retention period after each scan', async () => {
    let t = Date.parse('2026-01-01T00:00:00.000Z');
    const c = coordinator(store, scriptedScan(() => buckets(1)), { retentionDays: 3, clock: () => new Date((t += 86_400_000)) });
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const r = c.trigger(FULL, { trigger: 'api' });
      if (!r.accepted) throw new Error('refused');
      ids.push((await r.done)!.id);
    }
    // Every clock reading moves a day (each scan reads it at start and end): the third scan ends five days after the first started.
    expect((await store.listScans({ limit: 10 })).items.map((s) => s.id)).toEqual([ids[2], ids[1]]);
  });

  it('keeps every finding of the last scans of each scope, compacting older ones by count and by age after each scan', async () => {
    let t = Date.parse('2026-01-01T00:00:00.000Z');
    const c = coordinator(store, scriptedScan(() => buckets(2)), { keepFindings: { scans: 3, days: 5 }, clock: () => new Date((t += 86_400_000)) });
    const scans = [];
    for (let i = 0; i < 5; i++) {
      const r = c.trigger(i === 4 ? IAM : FULL, { trigger: 'api' });
      if (!r.accepted) throw new Error('refused');
      scans.push((await r.done)!);
    }
    // Scans start two days apart: the last three FULL scans are kept by count, but the first of them is over five days old by the end.
    const compacted = await Promise.all(scans.map(async (s) => (await store.getScan(s.id))?.compactedAt !== null));
    expect(compacted).toEqual([true, true, false, false, false]);
  });

  it('logs a retention failure without losing the scan it ran after', async () => {
    const c = coordinator(store, scriptedScan(() => buckets(1)), { keepFindings: { scans: 1 } });
    store.compact = async () => {
      throw new Error('disk full');
    };
    const r = c.trigger(FULL, { trigger: 'api' });
    if (!r.accepted) throw new Error('refused');
    expect(await r.done).toMatchObject({ status: 'completed', findings: 1 });
  });

  it('records a scan that ignores the abort as interrupted when the grace period ends', async () => {
    let finish!: () => void;
    const stuck = new Promise<void>((r) => (finish = r));
    const c = coordinator(store, async () => {
      await stuck;
      throw new Error('too late');
    });
    const t = c.trigger(FULL, { trigger: 'api' });
    if (!t.accepted) throw new Error('refused');
    await new Promise((r) => setTimeout(r, 20));
    await c.stop({ graceMs: 50 });
    expect(await store.getScan(t.scanId)).toMatchObject({ status: 'interrupted', message: expect.stringMatching(/before the scan could wind down/) });
    finish();
    await t.done;
  });

  it('with drain, lets the running scan finish within the grace period', async () => {
    const gate = gatedScan(buckets(2));
    const c = coordinator(store, gate.scan);
    const t = c.trigger(FULL, { trigger: 'api' });
    if (!t.accepted) throw new Error('refused');
    await gate.started(1);
    const stopped = c.stop({ graceMs: 5_000, drain: true });
    gate.release();
    await stopped;
    expect(await t.done).toMatchObject({ status: 'completed', drift: { new: 2 } });
  });
});

describe('the cron scheduler', () => {
  it('fires on its cron in its time zone, and a tick while the scope is still scanning is skipped, not stacked', async () => {
    const gate = gatedScan();
    const metrics = new ServiceMetrics({ defaultMetrics: false });
    const c = coordinator(store, gate.scan, { metrics });
    const every = scheduleSchema.parse({ name: 'every-second', cron: '* * * * * *', timezone: 'Asia/Kolkata', scope: FULL });
    const twin = scheduleSchema.parse({ name: 'twin', cron: '* * * * * *', scope: FULL });
    const scheduler = new Scheduler([every, twin], c, { log: silent, metrics });
    scheduler.start();
    try {
      await gate.started(1);
      // Let at least two more ticks of each schedule pass while the first scan is held.
      await new Promise((r) => setTimeout(r, 2_200));
      expect(gate.starts).toBe(1);
      expect(gate.maxActive).toBe(1);
      const skipped = (await metrics.render()).match(/dutyscan_scans_skipped_total\{schedule="[a-z-]+",reason="busy"\} (\d+)/g) ?? [];
      expect(skipped.length).toBeGreaterThan(0);
      expect(scheduler.nextRuns().map((r) => r.schedule)).toEqual(['every-second', 'twin']);
    } finally {
      scheduler.stop();
      gate.release();
      await c.idle();
    }
    const scans = (await store.listScans({ limit: 10 })).items;
    expect(scans.length).toBeGreaterThanOrEqual(1);
    expect(new Set(scans.map((s) => s.schedule)).size).toBeGreaterThanOrEqual(1);
  }, 10_000);

  it('waits a random share of the jitter before triggering, and a stop during the jitter triggers nothing', async () => {
    const scan = scriptedScan(() => []);
    const c = coordinator(store, scan);
    const slept: number[] = [];
    const hourly = scheduleSchema.parse({ name: 'hourly-iam', cron: '0 * * * *', jitterSeconds: 120, scope: IAM });
    const scheduler = new Scheduler([hourly], c, {
      log: silent,
      random: () => 0.25,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    await scheduler.fire(hourly);
    expect(slept).toEqual([30_000]);
    expect(scan.calls.map((r) => r.scope)).toEqual([IAM]);

    const stopping = new Scheduler([hourly], c, { log: silent, random: () => 0.5, sleep: async () => stopping.stop() });
    await stopping.fire(hourly);
    expect(scan.calls).toHaveLength(1);
  });
});

describe('the service config', () => {
  it('accepts several schedules with time zones, jitter and check or duty filters', () => {
    const service = serviceSchema.parse({
      schedules: [
        { name: 'daily-full', cron: '0 2 * * *', timezone: 'Europe/Paris', jitterSeconds: 300, scope: { providers: ['aws', 'azure', 'gcp'] } },
        { name: 'hourly-iam', cron: '15 * * * *', scope: { providers: ['aws'], checks: ['aws-iam-*'], duties: ['mfa', 'credentials'] } },
      ],
      store: { kind: 'postgres' },
      api: { host: '0.0.0.0', port: 9090, tokenFile: '/var/run/secrets/dutyscan/token' },
      sinks: { changesOnly: true },
    });
    expect(service.schedules[1]).toMatchObject({ timezone: 'UTC', jitterSeconds: 0 });
    expect(service.store).toEqual({ kind: 'postgres', urlEnv: 'DUTYSCAN_DATABASE_URL' });
    expect(serviceSchema.parse({}).store).toEqual({ kind: 'sqlite', path: '/var/lib/dutyscan/history.db' });
  });

  it.each([
    [{ schedules: [{ name: 'x', cron: 'every day', scope: FULL }] }, 'schedules.0.cron'],
    [{ schedules: [{ name: 'x', cron: '0 2 * * *', timezone: 'Mars/Olympus', scope: FULL }] }, 'schedules.0.timezone'],
    [{ schedules: [{ name: 'x', cron: '0 2 * * *', scope: { providers: [] } }] }, 'schedules.0.scope.providers'],
    [{ schedules: [{ name: 'a', cron: '0 2 * * *', scope: FULL }, { name: 'a', cron: '0 3 * * *', scope: FULL }] }, 'schedules.1.name'],
    [{ store: { kind: 'postgres', url: 'mysql://x' } }, 'store.url'],
    [{ api: { port: 70000 } }, 'api.port'],
  ])('rejects %j at %s', (input, path) => {
    const result = serviceSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
