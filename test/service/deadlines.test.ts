import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Finding } from '../../src/core/finding.js';
import { ServiceMetrics } from '../../src/service/metrics.js';
import type { ScanCoordinator } from '../../src/service/scheduler.js';
import { buildServer, registryFormats } from '../../src/service/server.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { finding } from '../support/findings.js';
import { coordinator, scriptedScan, silent } from './harness.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';

// The harness clock starts on 2026-11-22: a day's cure period has long passed by the time the
// API is asked (today), ten thousand weeks have not.
const LONG = '9999w';
const bucket = (name: string, extra: Parameters<typeof finding>[0] = {}): Finding =>
  finding({ status: 'FAIL', ...extra, resource: { id: `arn:aws:s3:::${name}`, name } });
const estate = (): Finding[] => [
  bucket('late', { curePeriod: '1d' }),
  bucket('later', { curePeriod: '2d' }),
  bucket('within', { curePeriod: LONG }),
  bucket('no-period'),
  bucket('accepted', { muted: true, curePeriod: '1d' }),
  bucket('passing', { status: 'PASS' }),
];

const catalog = loadCatalog();
let store: SqlStore;
let app: FastifyInstance;
let c: ScanCoordinator;
let metrics: ServiceMetrics;
let plan: Finding[];

beforeEach(async () => {
  plan = estate();
  store = openSqliteStore(':memory:');
  await store.migrate();
  metrics = new ServiceMetrics({ defaultMetrics: false, overdueFindings: () => store.countOverdue(new Date().toISOString()) });
  c = coordinator(store, scriptedScan(() => plan), { metrics });
  app = await buildServer({ coordinator: c, store, metrics, schedules: [], tokens: [], log: silent, host: '127.0.0.1', ...registryFormats(), attestations: { obligations: catalog.obligations, contract: resolveContract(catalog, 'iaas-customer-duties') } });
});
afterEach(async () => {
  await app.close();
  await c.stop({ graceMs: 100 });
  await store.close();
});

async function scan(): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/scans', payload: { scope: { providers: ['aws'] } } });
  expect(res.statusCode).toBe(202);
  await c.idle();
  return res.json<{ id: string }>().id;
}

type Item = Finding & { failingSince: string };
const names = (items: readonly Item[]) => items.map((f) => f.resource.name).sort();

describe('contract deadlines in the service', () => {
  it('filters findings with ?overdue=true|false and shows each open failure\'s due date and overdue flag', async () => {
    await scan();
    const overdue = (await app.inject({ url: '/findings?overdue=true' })).json<{ items: Item[] }>().items;
    expect(names(overdue)).toEqual(['late', 'later']);
    for (const f of overdue) {
      expect(f.overdue).toBe(true);
      expect(Date.parse(f.dueAt!) - Date.parse(f.failingSince)).toBe((f.curePeriod === '1d' ? 1 : 2) * 86_400_000);
    }
    const rest = (await app.inject({ url: '/findings?overdue=false' })).json<{ items: Item[] }>().items;
    expect(names(rest)).toEqual(['accepted', 'no-period', 'passing', 'within']);
    expect(rest.find((f) => f.resource.name === 'within')).toMatchObject({ overdue: false, curePeriod: LONG });
    for (const f of rest.filter((x) => x.resource.name !== 'within')) {
      expect(f, f.resource.name).not.toHaveProperty('dueAt');
      expect(f, f.resource.name).not.toHaveProperty('overdue');
    }
    // Combined with the other filters, and refused when it is not a boolean.
    expect(names((await app.inject({ url: '/findings?overdue=true&severity=low' })).json<{ items: Item[] }>().items)).toEqual([]);
    expect((await app.inject({ url: '/findings?overdue=yes' })).statusCode).toBe(400);
    // One finding shows the same.
    const late = overdue.find((f) => f.resource.name === 'late')!;
    expect((await app.inject({ url: `/findings/${late.id}` })).json()).toMatchObject({ dueAt: late.dueAt, overdue: true });
  });

  it('counts overdue findings in /metrics at each scrape, and a cured one leaves the count', async () => {
    expect((await app.inject({ url: '/metrics' })).body).toMatch(/^dutyscan_findings_overdue 0$/m);
    await scan();
    expect((await app.inject({ url: '/metrics' })).body).toMatch(/^dutyscan_findings_overdue 2$/m);
    plan[0] = bucket('late', { status: 'PASS' });
    await scan();
    expect((await app.inject({ url: '/metrics' })).body).toMatch(/^dutyscan_findings_overdue 1$/m);
  });

  it('puts the due date into the recorded scan\'s reports: JSON, OCSF and the contract report', async () => {
    const id = await scan();
    const json = (await app.inject({ url: `/scans/${id}/report?format=json` })).json<{ findings: Finding[] }>();
    expect(json.findings.find((f) => f.resource.name === 'late')).toMatchObject({ curePeriod: '1d', overdue: false });
    const ocsf = (await app.inject({ url: `/scans/${id}/report?format=ocsf` })).body.trim().split('\n').map((l) => JSON.parse(l) as { finding_info: { title: string; tags?: { name: string; value: string }[] }; resources: { name: string }[] });
    const late = ocsf.find((e) => e.resources[0]!.name === 'late')!;
    expect(late.finding_info.tags).toEqual([
      { name: 'due_time', value: json.findings.find((f) => f.resource.name === 'late')!.dueAt },
      { name: 'cure_period', value: '1d' },
      { name: 'overdue', value: 'false' },
    ]);
    const md = (await app.inject({ url: `/scans/${id}/report?format=md` })).body;
    expect(md).toContain('## Deadlines');
    const due = json.findings.find((f) => f.resource.name === 'late')!.dueAt!;
    expect(md).toContain(`| ${due} | within period | 2.2.3 | late | \`aws-s3-bucket-default-encryption-enabled\` | 1d |`);
  });
});
