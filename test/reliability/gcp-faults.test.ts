/**
 * Fault injection through the whole path a live GCP scan takes: runScan, the GCP adapter, the real
 * Google clients (gax in REST mode, googleapis) and the wire-level fake. A small organisation (3
 * projects, every collected kind, Cloud Asset Inventory on) is scanned once without faults; each
 * scenario then injects one kind of failure and compares, finding by finding, with that fault-free
 * run. Transient faults (429, 503, resets) must be absorbed by our own backoff (same findings,
 * retries counted); persistent ones must turn exactly the affected project into ERROR with the
 * right code and operation, and leave every other result as it was.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gcpChecks } from '../../checks/gcp/index.js';
import { createAdapter } from '../../providers/gcp/adapter.js';
import { configSchema, defaultConfig } from '../../src/config/schema.js';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { runScan } from '../../src/engine/scan.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { generatedOrg } from '../fakes/gcp/generated.js';
import { installOrg, type FakeOrg } from '../fakes/gcp/org.js';
import { GcpFake, gcpError, rateLimited, type FakeRequest, type FakeResponse, type Interceptor } from '../fakes/gcp/server.js';
import { silentLog } from '../providers/gcp/support.js';
import { byId, coin, expectErrorsOnlyIn, expectSameAsBaseline, expectUniqueIds, verdict, whileCollectingGarbage } from './compare.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const catalog = loadCatalog();
const contract = resolveContract(catalog, defaultConfig().contract);
const [P0, P1, P2] = ['bench-000', 'bench-001', 'bench-002'] as const;
const ORG = 'organizations/9000';

/** Three projects with a few of every modelled kind (VMs, disks, buckets, SQL, keys, service accounts, sinks). */
function organisation(edit: (org: FakeOrg) => FakeOrg = (o) => o): FakeOrg {
  return edit(generatedOrg(3, 20));
}

interface Scan {
  readonly findings: Finding[];
  readonly summary: ScanSummary;
  readonly requests: number;
  readonly ms: number;
}

let fake: GcpFake | undefined;
afterEach(async () => {
  const unrouted = fake?.unrouted ?? [];
  await fake?.close();
  fake = undefined;
  expect(unrouted).toEqual([]);
});

/** One scan of the organisation through the engine, with `faults` consulted by the fake before its routes. */
async function scan(options: { org?: FakeOrg; faults?: Interceptor[]; callMs?: number; maxRetries?: number } = {}): Promise<Scan> {
  fake = await new GcpFake().start();
  installOrg(fake, options.org ?? organisation());
  fake.interceptors.push(...(options.faults ?? []));
  const u = fake.url;
  const callMs = options.callMs ?? 20_000;
  const config = configSchema.parse({
    providers: { gcp: { organization: '9000', maxRetries: options.maxRetries ?? 4, endpoints: { resourcemanager: u, asset: u, compute: u, kms: u, storage: u, sqladmin: u, iam: u, logging: u, admin: u } } },
    rateLimits: { 'gcp/default': { perSecond: 100_000, burst: 100_000 }, 'gcp/asset': { perSecond: 100_000, burst: 100_000 } },
    timeouts: { callMs, taskMs: 30_000 },
  });
  // Backoff starts at 20 ms (500 ms in production) so the file stays fast; the policy is the same.
  const adapter = await createAdapter(config.providers.gcp!, { log: silentLog, callTimeoutMs: callMs }, { accessToken: 't', retryBaseMs: 20 });
  const findings: Finding[] = [];
  const started = performance.now();
  const summary = await runScan(
    { config, providers: ['gcp'], checks: gcpChecks, catalog, contract, log: silentLog, now: NOW, adapters: { gcp: adapter } },
    (f) => { findings.push(f); },
  );
  return { findings, summary, requests: fake.requests.length, ms: performance.now() - started };
}

let baseline: Scan;
beforeAll(async () => {
  baseline = await scan();
  await fake?.close();
  fake = undefined;
}, 30_000);


interface Flaky {
  readonly intercept: Interceptor;
  /** Faulted answers given so far. */
  hits: number;
}

/**
 * A transient fault on a share of requests. The coin is thrown per request and attempt
 * (`seed|method path?query body|n`), so which attempts fail does not depend on the order
 * concurrent requests arrive in; at most `maxConsecutive` attempts of one request in a row fail,
 * which the adapter's retries (4) must absorb.
 */
function flaky(seed: number, probability: number, response: FakeResponse, maxConsecutive = 2): Flaky {
  const attempts = new Map<string, number>();
  const streak = new Map<string, number>();
  const state: Flaky = {
    hits: 0,
    intercept: (req) => {
      const key = `${req.method} ${req.path}?${req.query.toString()} ${JSON.stringify(req.body ?? null)}`;
      const n = attempts.get(key) ?? 0;
      attempts.set(key, n + 1);
      const fail = (streak.get(key) ?? 0) < maxConsecutive && coin(`${seed}|${key}|${n}`) < probability;
      streak.set(key, fail ? (streak.get(key) ?? 0) + 1 : 0);
      if (!fail) return undefined;
      state.hits++;
      return response;
    },
  };
  return state;
}

/** The project a request is about (path `projects/<id>` or `?project=<id>`). */
const projectOf = (req: FakeRequest) => /\/projects\/([^/:]+)/.exec(req.path)?.[1] ?? req.query.get('project') ?? undefined;
const when = (test: (req: FakeRequest) => boolean, response: FakeResponse): Interceptor => (req) => (test(req) ? response : undefined);



/** Every faulted answer was retried once and counted in the summary under `reason`; no other retries. */
function expectRetriesCounted(run: Scan, injected: Flaky, reason: string): void {
  let counted = 0;
  const others: string[] = [];
  for (const [key, n] of Object.entries(run.summary.retries)) {
    if (key.split('/')[2] === reason) counted += n;
    else others.push(key);
  }
  expect(injected.hits).toBeGreaterThan(0);
  expect(counted).toBe(injected.hits);
  expect(others).toEqual([]);
}


const inProject = (project: string) => (f: Finding) => f.resource.account === project;

describe('GCP scan under injected faults (an organisation of 3 projects)', () => {
  it('the fault-free run is complete: every project and the organisation answer, through Cloud Asset Inventory, nothing errors', () => {
    expect(baseline.summary.complete).toBe(true);
    expect(baseline.summary.counts.byStatus.ERROR).toBe(0);
    expect(new Set(baseline.findings.map((f) => f.resource.account))).toEqual(new Set([P0, P1, P2, ORG]));
    expect(baseline.summary.collectionMode.gcp).toBe('cloud-asset-inventory');
    expectUniqueIds(baseline);
    expect(baseline.summary.retries).toEqual({});
  });

  it('30% of requests answered 429 RESOURCE_EXHAUSTED: our backoff absorbs it, every retry counted, the findings are the fault-free ones', async () => {
    const throttle = flaky(1, 0.3, rateLimited('googleapis.com'));
    const run = await scan({ faults: [throttle.intercept] });
    expectSameAsBaseline(baseline, run);
    expectRetriesCounted(run, throttle, 'RATE_LIMIT_EXCEEDED');
    // Every API family saw some throttling, so no client is left out of the backoff.
    const services = new Set(Object.keys(run.summary.retries).map((k) => k.split('/')[1]));
    expect([...services].sort()).toEqual(Object.keys(baseline.summary.apiCalls['gcp'] ?? {}).sort());
  }, 60_000);

  it('intermittent 503 UNAVAILABLE: retried with backoff, same findings', async () => {
    const flake = flaky(2, 0.2, gcpError(503, 'UNAVAILABLE', 'The service is currently unavailable.'));
    const run = await scan({ faults: [flake.intercept] });
    expectSameAsBaseline(baseline, run);
    expectRetriesCounted(run, flake, 'unavailable');
  }, 60_000);

  it('connections reset instead of an answer: retried, same findings', async () => {
    const reset = flaky(3, 0.15, { breaks: 'drop' });
    const run = await scan({ faults: [reset.intercept] });
    expectSameAsBaseline(baseline, run);
    expectRetriesCounted(run, reset, 'ECONNRESET');
  }, 60_000);

  it('answers slower than the per-call timeout: TIMEOUT in that project only, and the scan does not wait for them', async () => {
    const run = await whileCollectingGarbage(() => scan({
      callMs: 3_000,
      faults: [
        when((r) => r.path === `/v1/projects/${P1}/serviceAccounts`, { delayMs: 20_000, body: { accounts: [] } }),
        when((r) => r.path === '/storage/v1/b' && projectOf(r) === P1, { delayMs: 20_000, body: { items: [] } }),
      ],
    }));
    const errors = expectErrorsOnlyIn(baseline, run, inProject(P1), { code: 'TIMEOUT', operation: /^(iam\.serviceAccounts\.list|storage\.buckets\.list)$/, services: ['storage'] });
    expect(new Set(errors.map((f) => f.error?.operation))).toEqual(new Set(['iam.serviceAccounts.list', 'storage.buckets.list']));
    expect(run.ms).toBeLessThan(12_000);
  }, 60_000);

  it('malformed JSON bodies (googleapis and gax clients): INVALID_RESPONSE for those listings, never an empty listing', async () => {
    const truncated: FakeResponse = { raw: '{"items": [{"name": "' };
    const run = await scan({
      faults: [
        when((r) => r.path === '/storage/v1/b' && projectOf(r) === P2, truncated),
        when((r) => projectOf(r) === P2 && r.path.endsWith('/cryptoKeys'), truncated),
        when((r) => r.path === `/sql/v1beta4/projects/${P2}/instances`, truncated),
        when((r) => r.path === `/v1/projects/${P2}/serviceAccounts`, truncated),
      ],
    });
    const operations = ['storage.buckets.list', 'cloudkms.cryptoKeys.list', 'cloudsql.instances.list', 'iam.serviceAccounts.list'];
    const errors = expectErrorsOnlyIn(baseline, run, inProject(P2), { code: 'INVALID_RESPONSE', operation: new RegExp(`^(${operations.join('|').replaceAll('.', '\\.')})$`), services: ['storage', 'kms', 'sql'] });
    expect(new Set(errors.map((f) => f.error?.operation))).toEqual(new Set(operations));
    expect(run.summary.retries).toEqual({});
  }, 60_000);

  it('a malformed bucket IAM policy in per-service mode: INVALID_RESPONSE for that bucket, never a policy without members', async () => {
    const baseRun = await scan({ org: organisation((o) => ({ ...o, cai: 'disabled' })) });
    await fake?.close();
    const bucket = `${P2}-bucket-1`;
    const run = await scan({ org: organisation((o) => ({ ...o, cai: 'disabled' })), faults: [when((r) => r.path === `/storage/v1/b/${bucket}/iam`, { raw: '{"bindings": [{"role": "roles/storage.objectViewer", "members": ["allUs' })] });
    // The bucket's own check is ERROR, and so is the project's IAM policy listing, which carries every bucket's policy.
    const errors = expectErrorsOnlyIn(
      baseRun,
      run,
      (f) => f.resource.account === P2 && ((f.check.id === 'gcp-storage-bucket-not-public' && f.resource.name === bucket) || f.check.id === 'gcp-iam-policy-no-public-members'),
      { code: 'INVALID_RESPONSE', operation: /^storage\.buckets\.getIamPolicy$/ },
    );
    expect(new Set(errors.map((f) => f.check.id))).toEqual(new Set(['gcp-storage-bucket-not-public', 'gcp-iam-policy-no-public-members']));
    // In the fault-free run the public binding makes it a FAIL: the truncated policy must not read as a PASS.
    const notPublic = (r: Scan) => r.findings.find((f) => f.check.id === 'gcp-storage-bucket-not-public' && f.resource.name === bucket)?.status;
    expect([notPublic(baseRun), notPublic(run)]).toEqual(['FAIL', 'ERROR']);
  }, 60_000);

  it('403 on every API of one project: ACCESS_DENIED for that project only, the organisation and the others unaffected', async () => {
    const run = await scan({ org: organisation((o) => ({ ...o, projects: o.projects.map((p) => (p.id === P2 ? { ...p, denied: true } : p)) })) });
    expectErrorsOnlyIn(baseline, run, inProject(P2), { code: 'ACCESS_DENIED', operation: /^[a-z]+\.[A-Za-z.]+$/ });
  }, 60_000);

  it('an API disabled in one project (Cloud SQL Admin): NOT_ENABLED there naming the API, nothing else changes', async () => {
    const run = await scan({ org: organisation((o) => ({ ...o, projects: o.projects.map((p) => (p.id === P1 ? { ...p, disabled: ['sqladmin'] } : p)) })) });
    const errors = expectErrorsOnlyIn(baseline, run, inProject(P1), { code: 'NOT_ENABLED', operation: /^sqladmin\.googleapis\.com$/, services: ['sql'] });
    expect(new Set(errors.map((f) => f.check.service))).toEqual(new Set(['sql']));
    for (const f of errors) expect(f.error?.message).toContain(`sqladmin.googleapis.com is not enabled in project ${P1}`);
  }, 60_000);

  it('Cloud Asset Inventory refused (SERVICE_DISABLED): collected through the per-service APIs, the same findings', async () => {
    const run = await scan({ org: organisation((o) => ({ ...o, cai: 'disabled' })) });
    expect(run.summary.collectionMode.gcp).toBe('per-service-apis');
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.complete).toBe(true);
    expectUniqueIds(run);
    // The generic asset inventory (gcp.asset, read by the label and location checks) differs by
    // design of the fallback: it has no snapshots, resource policies or key rings, and names
    // service accounts by unique id where the fake's CAI names them by email (see the report).
    // Every other check, and every asset both modes list, must read the same.
    const genericChecks = new Set(gcpChecks.filter((c) => c.resourceType === 'gcp.asset').map((c) => c.id));
    const generic = (f: Finding) => genericChecks.has(f.check.id);
    const base = byId(baseline.findings.filter((f) => !generic(f)));
    const got = byId(run.findings.filter((f) => !generic(f)));
    expect([...got.keys()].sort()).toEqual([...base.keys()].sort());
    expect([...got.values()].filter((f) => verdict(f) !== verdict(base.get(f.id)!)).map((f) => `${f.check.id} ${f.resource.id}`)).toEqual([]);
    const baseGeneric = byId(baseline.findings.filter(generic));
    const shared = run.findings.filter((f) => generic(f) && baseGeneric.has(f.id));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.filter((f) => verdict(f) !== verdict(baseGeneric.get(f.id)!)).map((f) => `${f.check.id} ${f.resource.id}`)).toEqual([]);
  }, 60_000);
});
