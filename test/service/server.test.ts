import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { apiSchema, scheduleSchema } from '../../src/service/config.js';
import { ServiceMetrics } from '../../src/service/metrics.js';
import type { ScanCoordinator } from '../../src/service/scheduler.js';
import { whyNotLoopback } from '../../src/service/loopback.js';
import { buildServer, loadTokens, registryFormats, tokenMatches } from '../../src/service/server.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { finding, summaryOf } from '../support/findings.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { coordinator, gatedScan, scriptedScan, silent } from './harness.js';

const TOKEN = 'test-token-0123456789abcdef';
const catalog = loadCatalog();
const auth = { authorization: `Bearer ${TOKEN}` };
const daily = scheduleSchema.parse({ name: 'daily-full', cron: '0 2 * * *', scope: { providers: ['aws'] } });

const findings = (n: number): Finding[] =>
  Array.from({ length: n }, (_, i) =>
    finding({ status: i % 2 ? 'PASS' : 'FAIL', severity: i % 3 ? 'low' : 'high', resource: { id: `arn:aws:s3:::api-${i}`, name: `api-${i}` } }),
  );

let store: SqlStore;
let app: FastifyInstance;
let c: ScanCoordinator;
let metrics: ServiceMetrics;
let gate: ReturnType<typeof gatedScan>;

async function build(options: { tokens?: string[]; host?: string; cursorKey?: string } = {}) {
  return buildServer({
    coordinator: c,
    store,
    metrics,
    schedules: [daily],
    tokens: options.tokens ?? [TOKEN],
    log: silent,
    host: options.host ?? '0.0.0.0',
    ...(options.cursorKey ? { cursorKey: options.cursorKey } : {}),
    ...registryFormats(),
    attestations: { obligations: catalog.obligations, contract: resolveContract(catalog, 'iaas-customer-duties') },
  });
}

/** POST /scans, let the gated scan run to its end, and return the recorded scan's id. */
async function scanThroughApi(body: object = { schedule: 'daily-full' }): Promise<string> {
  const starts = gate.starts;
  const res = await app.inject({ method: 'POST', url: '/scans', headers: auth, payload: body });
  expect(res.statusCode).toBe(202);
  const id = res.json<{ id: string }>().id;
  expect(res.headers.location).toBe(`/scans/${id}`);
  await gate.started(starts + 1);
  gate.release();
  await c.idle();
  return id;
}

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.migrate();
  metrics = new ServiceMetrics({ defaultMetrics: false, storeSize: () => store.sizeBytes() });
  gate = gatedScan(findings(7));
  c = coordinator(store, gate.scan, { metrics });
  app = await build();
});
afterEach(async () => {
  await app.close();
  await c.stop({ graceMs: 100 });
  await store.close();
});

describe('authentication', () => {
  it('leaves health and readiness open', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', store: 'sqlite', schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it.each(['/metrics', '/scans', '/findings', '/scans/x', '/scans/x/report', '/scans/x/changes'])('answers %s without a token with 401 problem+json and a Bearer challenge', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="dutyscan"');
    expect(res.json()).toMatchObject({ status: 401, title: 'Unauthorized', instance: url });
  });

  it.each([
    ['a wrong token', `Bearer ${TOKEN}x`],
    ['a token of another length', 'Bearer short'],
    ['another scheme', `Basic ${TOKEN}`],
  ])('answers %s with 401 invalid_token', async (_what, header) => {
    const res = await app.inject({ url: '/scans', headers: { authorization: header } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });

  it('lets the right token through, for POST too', async () => {
    expect((await app.inject({ url: '/scans', headers: auth })).statusCode).toBe(200);
    expect((await app.inject({ url: '/scans', headers: { authorization: `bearer ${TOKEN}` } })).statusCode).toBe(200);
    const unauth = await app.inject({ method: 'POST', url: '/scans', payload: { schedule: 'daily-full' } });
    expect(unauth.statusCode).toBe(401);
    expect(gate.starts).toBe(0);
  });

  it('refuses to start without a token unless bound to loopback', async () => {
    await expect(build({ tokens: [], host: '0.0.0.0' })).rejects.toThrow(/without a token: 0\.0\.0\.0 is not a loopback address/);
    await expect(build({ tokens: [], host: '127.does-not-resolve.invalid' })).rejects.toThrow(/without a token: "127\.does-not-resolve\.invalid" does not resolve/);
    const local = await build({ tokens: [], host: '127.0.0.1' });
    expect((await local.inject({ url: '/scans' })).statusCode).toBe(200);
    await local.close();
  });

  it('counts as loopback only IP literals in 127.0.0.0/8 or ::1, and names whose every address is one', async () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost']) expect([host, await whyNotLoopback(host)]).toEqual([host, undefined]);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '::ffff:10.0.0.1']) expect(await whyNotLoopback(host)).toBe(`${host} is not a loopback address`);
    expect(await whyNotLoopback('127.does-not-resolve.invalid')).toMatch(/^"127\.does-not-resolve\.invalid" does not resolve \(ENOTFOUND\)$/);
    // A name that looks local but also points elsewhere (split-horizon DNS, a hostile record).
    const records: Record<string, string[]> = { '127.evil.example': ['10.0.0.5'], 'dual.example': ['127.0.0.1', '192.0.2.7'], 'both-loopbacks.example': ['127.0.0.1', '::1'], 'empty.example': [] };
    const resolve = async (host: string) => records[host]!;
    expect(await whyNotLoopback('127.evil.example', resolve)).toBe('"127.evil.example" resolves to 10.0.0.5, which is not loopback');
    expect(await whyNotLoopback('dual.example', resolve)).toBe('"dual.example" resolves to 192.0.2.7, which is not loopback');
    expect(await whyNotLoopback('both-loopbacks.example', resolve)).toBeUndefined();
    expect(await whyNotLoopback('empty.example', resolve)).toBe('"empty.example" does not resolve');
  });

  it('reads tokens from the environment and from a secret file (one per line, for rotation), and rejects short ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutyscan-token-'));
    writeFileSync(join(dir, 'token'), 'file-token-aaaaaaaaaaaa\nrotated-token-bbbbbbbbbb\n');
    const api = apiSchema.parse({ tokenEnv: 'MY_TOKEN', tokenFile: join(dir, 'token') });
    const tokens = loadTokens(api, { MY_TOKEN: 'env-token-cccccccccccc' });
    expect(tokens).toEqual(['env-token-cccccccccccc', 'file-token-aaaaaaaaaaaa', 'rotated-token-bbbbbbbbbb']);
    expect(tokenMatches('rotated-token-bbbbbbbbbb', tokens)).toBe(true);
    expect(tokenMatches('rotated-token-bbbbbbbbb', tokens)).toBe(false);
    expect(() => loadTokens(apiSchema.parse({}), { DUTYSCAN_API_TOKEN: 'short' })).toThrow(/at least 16/);
    expect(loadTokens(apiSchema.parse({}), {})).toEqual([]);
  });
});

describe('scans', () => {
  it('starts a scan on demand from a schedule name or an explicit scope, and refuses a second one of the same scope with 409', async () => {
    const first = await app.inject({ method: 'POST', url: '/scans', headers: auth, payload: { schedule: 'daily-full' } });
    expect(first.statusCode).toBe(202);
    await gate.started(1);
    const clash = await app.inject({ method: 'POST', url: '/scans', headers: auth, payload: { scope: { providers: ['aws'] } } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ status: 409, title: 'Scan already running', scanId: first.json<{ id: string }>().id });
    const running = await app.inject({ url: '/scans', headers: auth });
    expect(running.json()).toMatchObject({ items: [{ status: 'running', schedule: 'daily-full' }], activity: { running: { scanId: first.json<{ id: string }>().id } } });
    gate.release();
    await c.idle();
    const done = await app.inject({ url: `/scans/${first.json<{ id: string }>().id}`, headers: auth });
    expect(done.json()).toMatchObject({ status: 'completed', findings: 7, drift: { new: 4 }, summary: { findings: 7 } });
  });

  it.each([
    [{}, '/body'],
    [{ schedule: 'daily-full', scope: { providers: ['aws'] } }, '/body'],
    [{ scope: { providers: ['oracle'] } }, '/body/scope/providers/0'],
    [{ scope: { providers: ['aws'], colour: 'blue' } }, '/body/scope'],
  ])('rejects the body %j with 400 and a pointer to %s', async (payload, pointer) => {
    const res = await app.inject({ method: 'POST', url: '/scans', headers: auth, payload });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer)).toContain(pointer);
  });

  it('bounds the queue: of 1,001 scans of distinct scopes, one runs, 100 wait, the rest get 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof app.inject>> | undefined;
    for (let i = 0; i < 1001; i++) {
      const res = await app.inject({ method: 'POST', url: '/scans', headers: auth, payload: { scope: { providers: ['aws'], accounts: [`acct-${i}`] } } });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) refused ??= res;
    }
    expect({ accepted: statuses.filter((s) => s === 202).length, refused: statuses.filter((s) => s === 429).length }).toEqual({ accepted: 101, refused: 900 });
    expect(refused!.headers['retry-after']).toBe('60');
    expect(refused!.json()).toMatchObject({ status: 429, title: 'Queue full', detail: expect.stringMatching(/100 scans are waiting/) });
    const page = (await app.inject({ url: '/scans?limit=10', headers: auth })).json<{ items: unknown[]; activity: { running?: object; queued: unknown[] } }>();
    expect([page.items.length, page.activity.queued.length, page.activity.running !== undefined]).toEqual([1, 100, true]);
    expect(await metrics.render()).toMatch(/dutyscan_scans_skipped_total\{schedule="api",reason="queue-full"\} 900/);
  });

  it('answers an unknown schedule, an unknown scan and an unknown route with 404 problems', async () => {
    expect((await app.inject({ method: 'POST', url: '/scans', headers: auth, payload: { schedule: 'weekly' } })).json()).toMatchObject({ status: 404, title: 'Unknown schedule' });
    expect((await app.inject({ url: '/scans/nope', headers: auth })).json()).toMatchObject({ status: 404, title: 'Scan not found' });
    const route = await app.inject({ url: '/nowhere', headers: auth });
    expect([route.statusCode, route.headers['content-type']]).toEqual([404, 'application/problem+json; charset=utf-8']);
  });

  it('refuses malformed JSON with a 400 problem', async () => {
    const res = await app.inject({ method: 'POST', url: '/scans', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"schedule":' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('pages the scan list with a cursor', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await scanThroughApi());
    const page1 = (await app.inject({ url: '/scans?limit=2', headers: auth })).json<{ items: { id: string }[]; next: string }>();
    expect(page1.items.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    const page2 = (await app.inject({ url: `/scans?limit=2&cursor=${page1.next}`, headers: auth })).json<{ items: { id: string }[]; next?: string }>();
    expect(page2.items.map((s) => s.id)).toEqual([ids[0]]);
    expect(page2.next).toBeUndefined();
    expect((await app.inject({ url: '/scans?limit=0', headers: auth })).statusCode).toBe(400);
    expect((await app.inject({ url: '/scans?status=done', headers: auth })).statusCode).toBe(400);
  });

  it('renders a recorded scan in the report formats, and refuses an unknown one', async () => {
    const id = await scanThroughApi();
    const csv = await app.inject({ url: `/scans/${id}/report?format=csv`, headers: auth });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.trim().split('\n')).toHaveLength(8);
    const ocsf = await app.inject({ url: `/scans/${id}/report?format=ocsf`, headers: auth });
    const events = ocsf.body.trim().split('\n').map((l) => JSON.parse(l) as { class_uid: number; metadata: { correlation_uid: string } });
    expect(events).toHaveLength(7);
    expect(events.every((e) => e.class_uid === 2003 && e.metadata.correlation_uid === id)).toBe(true);
    const json = (await app.inject({ url: `/scans/${id}/report`, headers: auth })).json<{ scan: { id: string }; findings: Finding[] }>();
    expect(json.scan.id).toBe(id);
    expect(json.findings.every((f) => f.firstSeen !== undefined && f.lastSeen !== undefined)).toBe(true);
    const html = await app.inject({ url: `/scans/${id}/report?format=html`, headers: auth });
    expect([html.statusCode, html.headers['content-type']]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    expect(html.body).toMatch(/^<!doctype html>/i);
    const md = await app.inject({ url: `/scans/${id}/report?format=md`, headers: auth });
    expect([md.statusCode, md.headers['content-type']]).toEqual([200, expect.stringMatching(/^text\/markdown/)]);
    expect(md.body).toMatch(/^# /m);
    const bad = await app.inject({ url: `/scans/${id}/report?format=pdf`, headers: auth });
    expect(bad.statusCode).toBe(400);
  });
});

describe('response headers', () => {
  it('sends nosniff and no-store everywhere, errors included', async () => {
    const id = await scanThroughApi();
    for (const url of ['/healthz', '/metrics', '/scans', `/scans/${id}`, `/scans/${id}/changes`, `/scans/${id}/report?format=csv`, '/findings', '/nowhere']) {
      const res = await app.inject({ url, headers: auth });
      expect([url, res.headers['x-content-type-options'], res.headers['cache-control']]).toEqual([url, 'nosniff', 'no-store']);
    }
    const unauthorised = await app.inject({ url: '/findings' });
    expect([unauthorised.statusCode, unauthorised.headers['x-content-type-options'], unauthorised.headers['cache-control']]).toEqual([401, 'nosniff', 'no-store']);
  });

  it('serves reports as attachments, and the HTML reports with the Content-Security-Policy of their meta tag', async () => {
    const id = await scanThroughApi();
    for (const [format, file] of [['json', 'json'], ['csv', 'csv'], ['html', 'html'], ['contract-html', 'contract.html'], ['md', 'contract.md']] as const) {
      const res = await app.inject({ url: `/scans/${id}/report?format=${format}`, headers: auth });
      expect(res.headers['content-disposition']).toBe(`attachment; filename="dutyscan-${id}.${file}"`);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(res.body)?.[1];
      if (meta) expect(res.headers['content-security-policy']).toBe(meta);
      expect(meta === undefined).toBe(!file.endsWith('html'));
    }
    // Everything else (JSON, problems) may load nothing and be framed by nobody.
    expect((await app.inject({ url: '/scans', headers: auth })).headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('retention', () => {
  it('answers the report and changes of a scan whose findings were compacted with 410, and still shows the scan', async () => {
    const id = await scanThroughApi();
    await scanThroughApi();
    expect(await store.compact({ scans: 1 }, '2026-12-01T00:00:00.000Z')).toBe(1);
    for (const url of [`/scans/${id}/report?format=html`, `/scans/${id}/changes`]) {
      const res = await app.inject({ url, headers: auth });
      expect([res.statusCode, res.json<{ title: string; detail: string }>()]).toEqual([410, expect.objectContaining({ title: 'Findings compacted', detail: expect.stringMatching(/service\.keepFindings/) })]);
    }
    expect((await app.inject({ url: `/scans/${id}`, headers: auth })).json()).toMatchObject({ status: 'completed', compactedAt: '2026-12-01T00:00:00.000Z', findings: 7, drift: { new: 4 }, summary: { findings: 7 } });
  });

  it('shows the store\'s size in /metrics', async () => {
    const before = Number(/^dutyscan_store_size_bytes (\d+)$/m.exec((await app.inject({ url: '/metrics', headers: auth })).body)?.[1]);
    for (let i = 0; i < 3; i++) await scanThroughApi();
    const after = Number(/^dutyscan_store_size_bytes (\d+)$/m.exec((await app.inject({ url: '/metrics', headers: auth })).body)?.[1]);
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(before);
  });
});

describe('changes', () => {
  it('lists what moved in a scan, as JSON or as OCSF events with activity Create, Update or Close', async () => {
    const first = await scanThroughApi();
    const created = (await app.inject({ url: `/scans/${first}/changes`, headers: auth })).json<{ drift: object; items: { change: string; activity: { id: number } }[] }>();
    expect(created.drift).toEqual({ new: 4 });
    expect(created.items.map((i) => [i.change, i.activity.id])).toEqual(Array(4).fill(['new', 1]));
    const second = await scanThroughApi();
    expect((await app.inject({ url: `/scans/${second}/changes`, headers: auth })).json<{ items: unknown[] }>().items).toEqual([]);
    const ocsf = await app.inject({ url: `/scans/${first}/changes?format=ocsf`, headers: auth });
    expect(ocsf.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const events = ocsf.body.trim().split('\n').map((l) => JSON.parse(l) as { activity_id: number; type_uid: number });
    expect(events.map((e) => [e.activity_id, e.type_uid])).toEqual(Array(4).fill([1, 200301]));
  });
});

describe('a scan\'s report', () => {
  it('lists the findings the scan saw, not the open ones it resolved by no longer seeing them', async () => {
    // The second scan no longer sees api-0 (a failing bucket that is gone): its row says resolved, with the finding as last seen.
    await app.close();
    await c.stop({ graceMs: 100 });
    c = coordinator(store, scriptedScan((_, call) => (call === 0 ? findings(7) : findings(7).slice(1))), { metrics });
    app = await build();
    const post = async () => {
      const id = (await app.inject({ method: 'POST', url: '/scans', headers: auth, payload: { schedule: 'daily-full' } })).json<{ id: string }>().id;
      await c.idle();
      return id;
    };
    await post();
    const second = await post();
    const changes = (await app.inject({ url: `/scans/${second}/changes`, headers: auth })).json<{ items: { change: string; finding: Finding }[] }>();
    expect(changes.items.map((i) => [i.change, i.finding.resource.name])).toEqual([['resolved', 'api-0']]);
    const report = (await app.inject({ url: `/scans/${second}/report`, headers: auth })).json<{ scan: { findings: number }; findings: Finding[] }>();
    expect(report.findings.map((f) => f.resource.name).sort()).toEqual(['api-1', 'api-2', 'api-3', 'api-4', 'api-5', 'api-6']);
    expect(report.findings).toHaveLength(report.scan.findings);
  });
});

describe('findings', () => {
  it('lists current findings with filters and cursor pagination, and rejects a forged cursor', async () => {
    await scanThroughApi();
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const res = await app.inject({ url: `/findings?limit=3${next ? `&cursor=${next}` : ''}`, headers: auth });
      const body = res.json<{ items: { id: string; lifecycle: string; firstSeen: string }[]; next?: string }>();
      seen.push(...body.items.map((f) => f.id));
      next = body.next;
      pages++;
    } while (next);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const failing = (await app.inject({ url: '/findings?status=FAIL&lifecycle=open&severity=high', headers: auth })).json<{ items: Finding[] }>();
    expect(failing.items.map((f) => f.resource.name).sort()).toEqual(['api-0', 'api-6']);
    expect((await app.inject({ url: '/findings?muted=true', headers: auth })).json()).toEqual({ items: [] });
    const forged = await app.inject({ url: '/findings?cursor=AAAA', headers: auth });
    expect([forged.statusCode, forged.json<{ title: string }>().title]).toEqual([400, 'Invalid cursor']);
    expect((await app.inject({ url: '/findings?status=BROKEN', headers: auth })).statusCode).toBe(400);
    expect((await app.inject({ url: '/findings?colour=red', headers: auth })).statusCode).toBe(400);
  });
});

describe('cursors', () => {
  const handMade = (parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

  it('accepts only cursors this server issued: a hand-made, tampered or foreign one is 400', async () => {
    await scanThroughApi();
    await scanThroughApi();
    const findings = (await app.inject({ url: '/findings?limit=2', headers: auth })).json<{ next: string }>();
    const scans = (await app.inject({ url: '/scans?limit=1', headers: auth })).json<{ next: string }>();
    expect((await app.inject({ url: `/findings?limit=2&cursor=${findings.next}`, headers: auth })).statusCode).toBe(200);
    expect((await app.inject({ url: `/scans?limit=1&cursor=${scans.next}`, headers: auth })).statusCode).toBe(200);

    const other = await build();
    const forged = [
      `/findings?cursor=${handMade(['0'])}`,
      `/scans?cursor=${handMade(['2999-01-01T00:00:00.000Z', 'z'])}`,
      `/findings?cursor=${handMade(['0'])}.${findings.next.split('.')[1]}`,
      `/findings?cursor=${findings.next.slice(0, -2)}AA`,
    ];
    for (const url of forged) {
      const res = await app.inject({ url, headers: auth });
      expect([url, res.statusCode, res.json<{ title: string; detail: string }>()]).toEqual([url, 400, expect.objectContaining({ title: 'Invalid cursor', detail: expect.stringMatching(/not one this server issued/) })]);
    }
    // Another process (its own random key) does not take this one's cursors.
    expect((await other.inject({ url: `/findings?cursor=${findings.next}`, headers: auth })).statusCode).toBe(400);
    await other.close();
  });

  it('lets replicas sharing a configured key take each other\'s cursors', async () => {
    await scanThroughApi();
    const [a, b] = [await build({ cursorKey: 'shared-cursor-key-0123456789abcdef' }), await build({ cursorKey: 'shared-cursor-key-0123456789abcdef' })];
    const page = (await a.inject({ url: '/findings?limit=3', headers: auth })).json<{ items: { id: string }[]; next: string }>();
    const next = (await b.inject({ url: `/findings?limit=3&cursor=${page.next}`, headers: auth })).json<{ items: { id: string }[] }>();
    expect(next.items[0]!.id > page.items[2]!.id).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('one finding', () => {
  it('shows its current state and its transitions, and 404s an unknown id', async () => {
    await scanThroughApi();
    const id = findings(1)[0]!.id;
    const res = await app.inject({ url: `/findings/${id}`, headers: auth });
    expect(res.json()).toMatchObject({ id, lifecycle: 'open', status: 'FAIL', transitions: [{ from: null, to: 'FAIL', change: 'new' }] });
    expect((await app.inject({ url: `/findings/${'0'.repeat(32)}`, headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ url: '/findings/not-an-id', headers: auth })).statusCode).toBe(400);
    expect((await app.inject({ url: `/findings/${id}` })).statusCode).toBe(401);
  });
});

describe('metrics and readiness', () => {
  it('exposes scan duration, findings by status, severity and duty, API calls, errors and retries after a scan', async () => {
    await scanThroughApi();
    metrics.sinkDelivered('hec', 5);
    metrics.spoolSize('hec', 2);
    const res = await app.inject({ url: '/metrics', headers: auth });
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    const text = res.body;
    expect(text).toMatch(/dutyscan_scan_duration_seconds_count\{schedule="daily-full",status="completed"\} 1/);
    expect(text).toMatch(/dutyscan_scans_total\{schedule="daily-full",status="completed"\} 1/);
    // findings(7): even indexes FAIL, odd PASS; every third high, the rest low.
    expect(text).toMatch(/dutyscan_findings\{schedule="daily-full",status="FAIL",severity="high",duty="encryption-at-rest",muted="false"\} 2/);
    expect(text).toMatch(/dutyscan_findings\{schedule="daily-full",status="FAIL",severity="low",duty="encryption-at-rest",muted="false"\} 2/);
    expect(text).toMatch(/dutyscan_findings\{schedule="daily-full",status="PASS",severity="high",duty="encryption-at-rest",muted="false"\} 1/);
    expect(text).toMatch(/dutyscan_findings\{schedule="daily-full",status="PASS",severity="low",duty="encryption-at-rest",muted="false"\} 2/);
    expect(text).toMatch(/dutyscan_obligation_findings\{schedule="daily-full",obligation="data.encryption-at-rest",status="FAIL"\} \d+/);
    expect(text).toMatch(/dutyscan_finding_changes_total\{schedule="daily-full",change="new"\} 4/);
    expect(text).toMatch(/dutyscan_sink_deliveries_total\{sink="hec"\} 5/);
    expect(text).toMatch(/dutyscan_sink_spool_size\{sink="hec"\} 2/);
  });

  it('counts API calls, collection errors and retries from the scan summary', () => {
    const summary = summaryOf(findings(1), {
      apiCalls: { aws: { s3: { ListBuckets: 3, GetBucketEncryption: 5 } } },
      errors: [{ code: 'ACCESS_DENIED', operation: 's3:GetBucketEncryption', message: 'denied', provider: 'aws', account: '1', region: 'eu-west-1' }],
      retries: { 'aws/s3/throttled': 2 },
    });
    metrics.scanStarted();
    metrics.scanFinished('daily-full', 'completed', 1500, summary, {});
    return metrics.render().then((text) => {
      expect(text).toMatch(/dutyscan_api_calls_total\{provider="aws",service="s3"\} 8/);
      expect(text).toMatch(/dutyscan_api_errors_total\{provider="aws",service="s3",code="ACCESS_DENIED"\} 1/);
      expect(text).toMatch(/dutyscan_api_retries_total\{provider="aws",service="s3",reason="throttled"\} 2/);
    });
  });

  it('reports not ready while stopping and refuses new scans with 503', async () => {
    await c.stop({ graceMs: 100 });
    const ready = await app.inject({ url: '/readyz' });
    expect([ready.statusCode, ready.json<{ title: string }>().title]).toEqual([503, 'Stopping']);
    expect((await app.inject({ method: 'POST', url: '/scans', headers: auth, payload: { schedule: 'daily-full' } })).statusCode).toBe(503);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('starts without a deprecation warning from Fastify', async () => {
    const warnings: string[] = [];
    const listen = (w: Error & { code?: string }) => warnings.push(`${w.code ?? w.name}: ${w.message}`);
    process.on('warning', listen);
    try {
      const fresh = await build();
      await fresh.ready();
      await fresh.close();
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });

  it('reports not ready when the store does not answer', async () => {
    await store.close();
    const res = await app.inject({ url: '/readyz' });
    expect([res.statusCode, res.json<{ title: string }>().title]).toEqual([503, 'Store unavailable']);
    store = openSqliteStore(':memory:');
  });
});
