/**
 * Every pod, one report: the shards of an Indexed Job each record their shard in the shared
 * PostgreSQL store under one run id (`scan --run-id`), and `report --run` renders the run as the
 * scan in one process would have been rendered. The built CLI as processes against a real
 * PostgreSQL server (Debian's postgresql package, a throw-away cluster).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { startPostgres, type PostgresServer } from '../store/postgres-server.js';
import { dutyscan, type Run } from '../support/cli.js';
import { silent } from '../service/harness.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { ServiceMetrics } from '../../src/service/metrics.js';
import { ScanCoordinator } from '../../src/service/scheduler.js';
import { buildServer, registryFormats } from '../../src/service/server.js';
import { openPostgresStore } from '../../src/store/postgres.js';

type Doc = { scan: ScanSummary; findings: Finding[] };

let server: PostgresServer;
let single: string;
let sharded: string;
let one: Run;
let shards: Run[];

const scan = (url: string, args: string[], env: Record<string, string> = {}) =>
  dutyscan(['scan', '--demo', '--store', 'postgres', '--format', 'json', ...args], { env: { DUTYSCAN_DATABASE_URL: url, ...env }, timeoutMs: 180_000 });
const report = (url: string, run: string, format: string) =>
  dutyscan(['report', '--run', run, '--store', 'postgres', '--format', format], { env: { DUTYSCAN_DATABASE_URL: url }, timeoutMs: 180_000 });

/**
 * What must differ between the two: the run ids, and the clock: when each scan started and
 * finished, and so when each finding was first and last seen (ISO, or epoch milliseconds in OCSF)
 * and when it is due, which counts from then. The deadlines table lists the overdue rows and the
 * next few due by due date; the shards started seconds apart, so which of the many rows due
 * (to the second) alike come next differs: overdue rows are compared as a set, upcoming ones by
 * number. Every other line, including every clause's failing resources, must be equal.
 */
const DEADLINE_ROWS = [/(?:^\| TIME \| (?:within period|\*\*overdue\*\*) \|.*\n)+/gm, /(?:<tr(?: class="overdue")?><td>TIME<\/td>.*?<\/tr>)+/g];
const normalised = (text: string, run: string) => {
  let out = text
    .replaceAll(run, 'RUN')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, 'TIME')
    .replace(/"durationMs":\s*\d+/g, '"durationMs":0')
    .replace(/(_time"|"time"):\d{13}/g, '$1:0')
    .replace(/-\d{13}"/g, '-0"');
  for (const rows of DEADLINE_ROWS) {
    out = out.replace(rows, (block) => (block.match(/^.*\n|<tr.*?<\/tr>/gm) ?? []).map((row) => (row.includes('within period') ? 'UPCOMING\n' : row)).sort().join(''));
  }
  return out;
};

beforeAll(async () => {
  server = await startPostgres();
  [single, sharded] = await Promise.all([server.createDatabase('run_single'), server.createDatabase('run_sharded')]);
  // Shard 1 takes its run id from the environment, as a pod of the chart's CronJob does.
  [one, ...shards] = await Promise.all([
    scan(single, ['--run-id', 'one-process']),
    scan(sharded, ['--run-id', 'dutyscan-sharded-29400000', '--shard', '0/2']),
    scan(sharded, ['--shard', '1/2'], { DUTYSCAN_RUN_ID: 'dutyscan-sharded-29400000' }),
  ]);
}, 400_000);

afterAll(async () => {
  await server?.stop();
});

describe('scan --run-id, report --run (PostgreSQL)', () => {
  it('each shard scans and records its part: the demo fails duties (exit 3 or 5), nothing breaks', () => {
    for (const r of [one, ...shards]) {
      expect(r.stderr).not.toMatch(/internal error|configuration error/);
      expect([3, 5]).toContain(r.code);
      expect(r.stderr).toMatch(/recorded shard \d\/\d of run /);
    }
    const [a, b] = shards.map((s) => (JSON.parse(s.stdout) as Doc).findings.length);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(a! + b!).toBe((JSON.parse(one.stdout) as Doc).findings.length);
  });

  it.each(['contract-md', 'contract-html', 'json', 'ocsf', 'csv'])('a two-shard run renders %s exactly as the one-process scan does', async (format) => {
    const [whole, parts] = await Promise.all([report(single, 'one-process', format), report(sharded, 'dutyscan-sharded-29400000', format)]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(parts.code, parts.stderr).toBe(0);
    expect(parts.stdout.length).toBeGreaterThan(1000);
    expect(normalised(parts.stdout, 'dutyscan-sharded-29400000')).toEqual(normalised(whole.stdout, 'one-process'));
    expect(parts.stderr).toMatch(/run dutyscan-sharded-29400000: 2 shards, \d+ findings; drift since each shard's previous scan: \d+ new/);
  }, 300_000);

  it('the run\'s summary is the one-process scan\'s, as the scan itself wrote it without any store', async () => {
    const merged = JSON.parse((await report(sharded, 'dutyscan-sharded-29400000', 'json')).stdout) as Doc;
    const plain = (JSON.parse(one.stdout) as Doc).scan;
    const verdicts = (s: ScanSummary) => ({ findings: s.findings, checks: s.checks, scopes: s.scopes, counts: s.counts, obligations: s.obligations, clauses: s.clauses, notAssessed: s.notAssessed, complete: s.complete });
    expect(verdicts(merged.scan)).toEqual(verdicts(plain));
    expect(merged.scan.id).toBe('dutyscan-sharded-29400000');
    expect(merged.findings.map((f) => f.id).sort()).toEqual((JSON.parse(one.stdout) as Doc).findings.map((f) => f.id).sort());
  }, 300_000);

  it('a run missing a shard is not reported: exit 4, naming the shard that did not report', async () => {
    const half = await scan(sharded, ['--run-id', 'half-run', '--shard', '0/2']);
    expect([3, 5]).toContain(half.code);
    const r = await report(sharded, 'half-run', 'contract-md');
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/run half-run is incomplete: 1 of 2 shards reported; not reported: shard 1 of 2 \(never started\)/);
  }, 300_000);

  it('an unknown run, a bad run id, or --store without a run is a usage error (exit 2)', async () => {
    const unknown = await report(sharded, 'no-such-run', 'json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no run "no-such-run" in the postgres history store/);
    const bad = await dutyscan(['scan', '--demo', '--run-id', 'a b/c']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--run-id takes letters/);
    const lone = await dutyscan(['scan', '--demo', '--store', 'postgres']);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toMatch(/--store says where to record a run/);
    const both = await dutyscan(['report', '--run', 'x', '--scan', 'y.json', '--format', 'json']);
    expect(both.code).toBe(2);
  }, 120_000);

  it('the API: GET /runs/{id} and /runs/{id}/report as report --run; an incomplete run is a 409 naming the shard', async () => {
    const store = openPostgresStore(sharded);
    const catalog = loadCatalog();
    const app = await buildServer({
      coordinator: new ScanCoordinator({ store, log: silent, scan: async () => { throw new Error('no scans here'); } }),
      store,
      metrics: new ServiceMetrics(),
      schedules: [],
      tokens: [],
      log: silent,
      host: '127.0.0.1',
      ...registryFormats(),
      attestations: { obligations: catalog.obligations, contract: resolveContract(catalog, 'iaas-customer-duties') },
    });
    try {
      const run = await app.inject({ url: '/runs/dutyscan-sharded-29400000' });
      expect(run.statusCode).toBe(200);
      const body = run.json<{ complete: boolean; count: number; missing: unknown[]; drift: Record<string, number>; summary: ScanSummary }>();
      expect(body).toMatchObject({ complete: true, count: 2, missing: [] });
      expect(body.drift.new).toBeGreaterThan(0);
      expect(body.summary.id).toBe('dutyscan-sharded-29400000');

      const [api, cli] = await Promise.all([app.inject({ url: '/runs/dutyscan-sharded-29400000/report?format=md' }), report(sharded, 'dutyscan-sharded-29400000', 'contract-md')]);
      expect(api.statusCode).toBe(200);
      expect(normalised(api.body, 'x')).toEqual(normalised(cli.stdout, 'x'));

      const half = await app.inject({ url: '/runs/half-run/report?format=md' });
      expect(half.statusCode).toBe(409);
      expect(half.json()).toMatchObject({ title: 'Run incomplete', missing: [{ index: 1, reason: 'never started' }] });
      expect((await app.inject({ url: '/runs/half-run' })).json()).toMatchObject({ complete: false, count: 2, missing: [{ index: 1 }] });
      expect((await app.inject({ url: '/runs/nothing-here' })).statusCode).toBe(404);
    } finally {
      await app.close();
      await store.close();
    }
  }, 300_000);
});
