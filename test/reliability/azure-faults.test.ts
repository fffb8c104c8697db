/**
 * Fault injection through the whole path a live Azure scan takes: runScan, the Azure adapter, the
 * real SDK clients (ARM, Resource Graph, our Microsoft Graph client) and the HTTPS fake. A small
 * tenant (3 subscriptions, every collected kind, 200 users) is scanned once without faults; each
 * scenario then injects one kind of failure and compares, finding by finding, with that fault-free
 * run. Transient faults (429 with Retry-After, 5xx, resets) must be absorbed by retries (same
 * findings, retries counted); persistent ones must turn exactly the affected scope into ERROR with
 * the right code and operation, and leave every other result as it was.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { azureChecks } from '../../checks/azure/index.js';
import { createAdapter } from '../../providers/azure/adapter.js';
import { sleep as realSleep, type Sleep } from '../../providers/azure/collect/calls.js';
import { configSchema, defaultConfig } from '../../src/config/schema.js';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { runScan } from '../../src/engine/scan.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { AzureFake, READER, StubCredential, type Fault, type FakeAccess, type FakeOptions, type FakeResponse, type FakeTenant } from '../fakes/azure/server.js';
import * as w from '../fakes/azure/tenant.js';
import { silentLog } from '../providers/azure/support.js';
import { coin, expectErrorsOnlyIn, expectSameAsBaseline, expectUniqueIds, whileCollectingGarbage } from './compare.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const catalog = loadCatalog();
const contract = resolveContract(catalog, defaultConfig().contract);

/** Three subscriptions with every collected kind (storage, VM + disk + backup, NSG, vault + items, SQL), 200 users. */
function tenant(): FakeTenant {
  return w.generatedTenant(3, 90);
}
const TENANT_ID = tenant().tenantId;
const [SUB_A, SUB_B, SUB_C] = [w.subId(1), w.subId(2), w.subId(3)] as const;

interface Scan {
  readonly findings: Finding[];
  readonly summary: ScanSummary;
  readonly waits: number[];
  readonly ms: number;
}

let fake: AzureFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** One scan of the tenant through the engine, with `options` (faults included) given to the fake. */
async function scan(options: { fake?: FakeOptions; state?: FakeTenant; callMs?: number; maxRetries?: number; collection?: 'arm' } = {}): Promise<Scan> {
  fake = await new AzureFake(options.state ?? tenant(), options.fake ?? {}).start();
  const callMs = options.callMs ?? 20_000;
  const config = configSchema.parse({
    providers: { azure: { cloud: 'custom', tenantId: TENANT_ID, maxRetries: options.maxRetries ?? 4, ...(options.collection ? { collection: options.collection } : {}), endpoints: { resourceManager: fake.url, graph: fake.url, authorityHost: fake.url } } },
    rateLimits: { 'azure/arm': { perSecond: 10_000, burst: 10_000 }, 'azure/resourcegraph': { perSecond: 10_000, burst: 10_000 }, 'azure/graph': { perSecond: 10_000, burst: 10_000 } },
    timeouts: { callMs, taskMs: 30_000 },
  });
  // The adapter's waits, recorded, then really waited (Retry-After is honoured in wall-clock time).
  const waits: number[] = [];
  const sleep: Sleep = (ms, signal) => { waits.push(ms); return realSleep(ms, signal); };
  const adapter = await createAdapter(config.providers.azure!, { log: silentLog, callTimeoutMs: callMs }, { credential: new StubCredential(), ca: fake.ca, sleep });
  const findings: Finding[] = [];
  const started = performance.now();
  const summary = await runScan(
    { config, providers: ['azure'], checks: azureChecks, catalog, contract, log: silentLog, now: NOW, adapters: { azure: adapter } },
    (f) => { findings.push(f); },
  );
  return { findings, summary, waits, ms: performance.now() - started };
}

let baseline: Scan;
beforeAll(async () => {
  baseline = await scan();
  await fake?.close();
  fake = undefined;
}, 30_000);


interface Injected {
  readonly fault: Fault;
  /** Faulted answers given so far, per API (arm, resourcegraph, graph). */
  readonly hits: Record<string, number>;
}

const apiOf = (path: string) =>
  path.toLowerCase() === '/providers/microsoft.resourcegraph/resources' ? 'resourcegraph' : path.startsWith('/v1.0/') ? 'graph' : 'arm';

/**
 * A transient fault on a share of requests. The coin is thrown per request and attempt
 * (`seed|method path body|n`), so which attempts fail does not depend on the order concurrent
 * requests arrive in; at most `maxConsecutive` attempts of one request in a row fail, which the
 * adapter's retries (4) must absorb.
 */
function flaky(seed: number, probability: number, response: FakeResponse, maxConsecutive = 2): Injected {
  const attempts = new Map<string, number>();
  const streak = new Map<string, number>();
  const hits: Record<string, number> = {};
  const fault: Fault = {
    times: Number.POSITIVE_INFINITY,
    response,
    match: ({ method, path, body }) => {
      const key = `${method} ${path} ${JSON.stringify(body ?? null)}`;
      const n = attempts.get(key) ?? 0;
      attempts.set(key, n + 1);
      const fail = (streak.get(key) ?? 0) < maxConsecutive && coin(`${seed}|${key}|${n}`) < probability;
      streak.set(key, fail ? (streak.get(key) ?? 0) + 1 : 0);
      if (fail) hits[apiOf(path)] = (hits[apiOf(path)] ?? 0) + 1;
      return fail;
    },
  };
  return { fault, hits };
}

/** A persistent fault on every request `match` accepts. */
const always = (match: Fault['match'], response: FakeResponse): Fault => ({ times: Number.POSITIVE_INFINITY, match, response });
const armPath = (subscription: string, suffix: string) => (r: { path: string }) => r.path.toLowerCase() === `/subscriptions/${subscription}${suffix}`.toLowerCase();



/** Every faulted answer was retried once and counted in the summary, per API, under `reason`; no other retries. */
function expectRetriesCounted(run: Scan, injected: Injected, reason: 'retry-after' | 'backoff'): void {
  const counted: Record<string, number> = {};
  const others: string[] = [];
  for (const [key, n] of Object.entries(run.summary.retries)) {
    const [, service, why] = key.split('/') as [string, string, string];
    if (why === reason) counted[service] = (counted[service] ?? 0) + n;
    else others.push(key);
  }
  expect(Object.values(injected.hits).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(counted).toEqual(injected.hits);
  expect(others).toEqual([]);
}


const inAccount = (account: string) => (f: Finding) => f.resource.account === account;
const MFA_CHECKS = new Set(['azure-entra-admin-mfa-registered', 'azure-entra-user-mfa-registered']);
const TENANT_POLICY_CHECKS = new Set(['azure-entra-tenant-policy-mfa-enforced-all-users', 'azure-entra-tenant-policy-mfa-enforced-admins', 'azure-entra-tenant-policy-legacy-auth-blocked']);

describe('Azure scan under injected faults (3 subscriptions + the tenant)', () => {
  it('the fault-free run is complete: every subscription and the tenant answer, Resource Graph in use, nothing errors', () => {
    expect(baseline.summary.complete).toBe(true);
    expect(baseline.summary.counts.byStatus.ERROR).toBe(0);
    expect(new Set(baseline.findings.map((f) => f.resource.account))).toEqual(new Set([SUB_A, SUB_B, SUB_C, TENANT_ID]));
    expect(baseline.summary.collectionMode.azure).toMatch(/^resource-graph/);
    expectUniqueIds(baseline);
    expect(baseline.summary.retries).toEqual({});
    expect(baseline.waits).toEqual([]);
  });

  it('30% of requests answered 429 with Retry-After: every wait is the server\'s, and the findings are the fault-free ones', async () => {
    const throttle = flaky(1, 0.3, { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'TooManyRequests', message: 'Rate limit exceeded. Try again in 1 second.' } } });
    const run = await scan({ fake: { faults: [throttle.fault] } });
    expectSameAsBaseline(baseline, run);
    expectRetriesCounted(run, throttle, 'retry-after');
    expect(Object.keys(throttle.hits).sort()).toEqual(['arm', 'graph', 'resourcegraph']);
    expect(run.waits.length).toBe(Object.values(throttle.hits).reduce((a, b) => a + b, 0));
    expect(new Set(run.waits)).toEqual(new Set([1000]));
    expect(run.ms).toBeGreaterThanOrEqual(1000);
  }, 60_000);

  it('intermittent 5xx (500, 502, 503 by turns): retried with exponential backoff, same findings', async () => {
    const statuses = [500, 502, 503];
    const flake = flaky(2, 0.2, { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' } } });
    const match = flake.fault.match;
    let turn = 0;
    const rotating: Fault = { times: Number.POSITIVE_INFINITY, match: (r) => match(r), get response() { return { status: statuses[turn++ % 3]!, body: { error: { code: 'ServerError', message: 'try again' } } }; } };
    const run = await scan({ fake: { faults: [rotating] } });
    expectSameAsBaseline(baseline, run);
    expectRetriesCounted(run, flake, 'backoff');
    // 500 ms x 2^attempt with +-25% jitter, no server hint.
    expect(Math.min(...run.waits)).toBeGreaterThanOrEqual(375);
    expect(Math.max(...run.waits)).toBeLessThanOrEqual(1250);
  }, 60_000);

  it('connections reset instead of an answer: retried, same findings', async () => {
    const reset = flaky(3, 0.15, { breaks: 'drop' });
    const run = await scan({ fake: { faults: [reset.fault] } });
    expectSameAsBaseline(baseline, run);
    expectRetriesCounted(run, reset, 'backoff');
  }, 60_000);

  it('answers slower than the per-call timeout: TIMEOUT in that subscription only, and the scan does not wait for them', async () => {
    const run = await whileCollectingGarbage(() => scan({ callMs: 3_000, fake: { faults: [always(armPath(SUB_B, '/providers/Microsoft.Security/pricings'), { status: 200, delayMs: 20_000, body: { value: [] } })] } }));
    const errors = expectErrorsOnlyIn(baseline, run, inAccount(SUB_B), { code: 'TIMEOUT', operation: /^Microsoft\.Security\/pricings\/read$/, services: ['security'] });
    expect(errors.map((f) => f.check.id)).toEqual(['azure-security-subscription-defender-plans-enabled']);
    expect(run.ms).toBeLessThan(12_000);
  }, 60_000);

  it('malformed JSON bodies (ARM and Microsoft Graph): INVALID_RESPONSE for those listings, never an empty listing', async () => {
    const truncated = { status: 200, raw: '{"value": [{"id": "/subscriptions/' };
    const run = await scan({
      fake: {
        faults: [
          always(armPath(SUB_C, '/providers/Microsoft.Authorization/roleAssignments'), truncated),
          always((r) => r.path.toLowerCase().startsWith(`/subscriptions/${SUB_C}/`) && r.path.endsWith('/keys'), truncated),
          always((r) => r.path === '/v1.0/reports/authenticationMethods/userRegistrationDetails', truncated),
        ],
      },
    });
    const errors = expectErrorsOnlyIn(baseline, run, (f) => inAccount(SUB_C)(f) || inAccount(TENANT_ID)(f), {
      code: 'INVALID_RESPONSE',
      operation: /^(Microsoft\.Authorization\/roleAssignments\/read|Microsoft\.KeyVault\/vaults\/keys\/read|graph:GET \/v1\.0\/reports\/authenticationMethods\/userRegistrationDetails)$/,
    });
    // The registration report was unreadable: no MFA check still reads as assessed (the tenant's
    // policies come from another, readable endpoint: their checks keep their verdicts).
    expect(run.findings.filter((f) => MFA_CHECKS.has(f.check.id)).every((f) => f.status === 'ERROR')).toBe(true);
    expect(new Set(errors.map((f) => f.check.id))).toEqual(new Set(['azure-authorization-subscription-owners-two-to-three', 'azure-keyvault-vault-items-expire', ...MFA_CHECKS]));
    expect(run.summary.retries).toEqual({});
  }, 60_000);

  it('403 on every ARM call of one subscription: ACCESS_DENIED for that subscription only; the tenant MFA checks and the others unaffected', async () => {
    const state = tenant();
    const run = await scan({ state: { ...state, subscriptions: state.subscriptions.map((s) => (s.id === SUB_B ? { ...s, denied: true } : s)) } });
    const errors = expectErrorsOnlyIn(baseline, run, inAccount(SUB_B), { code: 'ACCESS_DENIED', operation: /^Microsoft\.[A-Za-z]+\/[A-Za-z/]+\/read$/ });
    expect(run.findings.filter(inAccount(SUB_B)).every((f) => f.status === 'ERROR')).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    expect(run.findings.filter((f) => MFA_CHECKS.has(f.check.id)).every((f) => f.status !== 'ERROR')).toBe(true);
  }, 60_000);

  it('Microsoft Graph answers 403: the MFA checks are ERROR naming the permission to grant, nothing else changes', async () => {
    const run = await scan({ fake: { graphDenied: true } });
    const errors = expectErrorsOnlyIn(baseline, run, inAccount(TENANT_ID), { code: 'ACCESS_DENIED', operation: /^graph:(AuditLog|Policy)\.Read\.All$/, services: ['entra'] });
    expect(new Set(errors.map((f) => f.check.id))).toEqual(new Set([...MFA_CHECKS, ...TENANT_POLICY_CHECKS]));
    // Each names the permission its own read needs: the registration report, or the tenant's policies.
    for (const f of errors) expect(f.error?.message).toMatch(TENANT_POLICY_CHECKS.has(f.check.id) ? /Policy\.Read\.All/ : /AuditLog\.Read\.All/);
  }, 60_000);

  it('Resource Graph refused (403): collected through ARM instead, the same findings', async () => {
    const run = await scan({ fake: { resourceGraphDisabled: true } });
    expectSameAsBaseline(baseline, run);
    expect(run.summary.collectionMode.azure).toMatch(/^arm \(Resource Graph unavailable: ACCESS_DENIED/);
  }, 60_000);

  it('Resource Graph down (503 on every attempt): collected through ARM once the retries are spent, the same findings', async () => {
    const rg = (r: { path: string }) => apiOf(r.path) === 'resourcegraph';
    const run = await scan({ maxRetries: 1, fake: { faults: [always(rg, { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'down' } } })] } });
    expectSameAsBaseline(baseline, run);
    expect(run.summary.collectionMode.azure).toMatch(/^arm \(Resource Graph unavailable: UNAVAILABLE/);
  }, 60_000);

  it('Resource Graph failing after the probe (every query but the subscription probe): each kind falls back to ARM, the same findings', async () => {
    const queries = (r: { path: string; body: unknown }) => apiOf(r.path) === 'resourcegraph' && !String((r.body as { query?: string })?.query ?? '').startsWith('resourcecontainers');
    const run = await scan({ maxRetries: 0, fake: { faults: [always(queries, { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no' } } })] } });
    expectSameAsBaseline(baseline, run);
    expect(run.summary.collectionMode.azure).toMatch(/^resource-graph/);
  }, 60_000);
});

/** The tenant with `access` in one subscription (Reader everywhere else). */
function withAccess(subscription: string, access: FakeAccess): FakeTenant {
  const state = tenant();
  return { ...state, subscriptions: state.subscriptions.map((s) => (s.id === subscription ? { ...s, access } : s)) };
}

const checksOn = (...types: string[]) => azureChecks.filter((c) => types.includes(c.resourceType)).map((c) => c.id);
/** Every resource type a bulk listing collects (all but the subscription, its custom roles and the tenant's users). */
const BULK_TYPES = ['azure.resources.resource-group', 'azure.resources.resource', 'azure.storage.account', 'azure.compute.disk', 'azure.compute.vm', 'azure.network.nsg', 'azure.keyvault.vault', 'azure.sql.server', 'azure.sql.database', 'azure.backup.protected-item',
  'azure.cosmosdb.account', 'azure.postgresql.flexible-server', 'azure.mysql.flexible-server', 'azure.appservice.web-app', 'azure.aks.cluster', 'azure.recoveryservices.vault'];
/**
 * "None of this type here" is a verdict on the whole subscription: where part of it is hidden, it
 * gives way to the ERROR at the hidden part (a type the visible part has none of may be in there).
 */
const noneIn = (subscription: string) => (f: Finding) => f.resource.id === `azure:${subscription}` && f.status === 'NOT_APPLICABLE';
const under = (prefix: string) => (f: Finding) => f.resource.id.toLowerCase().startsWith(prefix.toLowerCase());
const errorsOf = (run: Scan) => run.findings.filter((f) => f.status === 'ERROR').map((f) => `${f.check.id} ${f.resource.id} ${f.error?.code} ${f.error?.operation}`).sort();
/**
 * The backup check reads every protected item of its subscription: a blind spot for them anywhere
 * leaves the verdict on each VM it can still see unknown, an ERROR naming what hid the items.
 */
function expectVmBackupUnknown(run: Scan, subscription: string, operation: RegExp): void {
  const isVm = (f: Finding) => f.check.id === 'azure-compute-vm-backed-up' && f.resource.account === subscription && !f.resource.id.startsWith('azure:');
  const vms = run.findings.filter(isVm);
  expect(vms.map((f) => f.resource.id).sort()).toEqual(baselineOf(run).findings.filter(isVm).map((f) => f.resource.id).filter((id) => run.findings.some((g) => g.resource.id === id)).sort());
  expect(vms.length).toBeGreaterThan(0);
  for (const f of vms) expect([f.status, f.error?.operation]).toEqual(['ERROR', expect.stringMatching(operation)]);
}
const PROTECTED_ITEMS_READ = /^Microsoft\.RecoveryServices\/vaults\/backupFabrics\/protectionContainers\/protectedItems\/read(, Microsoft\.RecoveryServices\/vaults\/read)?$/;
const scopeErrors = (run: Scan, scopeId: string) => errorsOf(run).filter((e) => e.split(' ')[1] === scopeId);
const vmErrors = (run: Scan) => errorsOf(run).filter((e) => e.startsWith('azure-compute-vm-backed-up /subscriptions/'));
/** The tag checks judge by the subscription's "require a tag" assignments: where those may be hidden anywhere, each verdict is unknown too. */
const TAG_CHECKS = ['azure-resources-resource-required-tags', 'azure-resources-resource-group-required-tags'];
const tagErrors = (run: Scan) => errorsOf(run).filter((e) => TAG_CHECKS.some((c) => e.startsWith(`${c} /subscriptions/`)));
let baselines: Record<'resource-graph' | 'arm', Scan>;
const baselineOf = (run: Scan): Scan => (run.summary.collectionMode.azure?.startsWith('arm') ? baselines.arm : baselines['resource-graph']);

describe.each(['resource-graph', 'arm'] as const)('Azure blind spots in %s mode: what the identity may not read is ERROR exactly there', (mode) => {
  const collection = mode === 'arm' ? { collection: 'arm' as const } : {};
  beforeAll(async () => {
    baselines ??= { 'resource-graph': baseline, arm: baseline };
    if (mode === 'arm') {
      baselines.arm = await scan({ collection: 'arm' });
      await fake?.close();
      fake = undefined;
      expect(baselines.arm.summary.complete).toBe(true);
      expect(baselines.arm.summary.collectionMode.azure).toMatch(/^arm/);
    }
  }, 30_000);

  it('a deny assignment on one resource group: ERROR for that resource group, each bulk check once, naming the read it denies; everything else as in the clean run', async () => {
    const group = `/subscriptions/${SUB_B}/resourceGroups/rg-4`;
    const run = await scan({ ...collection, state: withAccess(SUB_B, { subscription: [READER], denyAssignments: [{ name: 'locked-rg', scope: group, actions: ['*/read'] }] }) });
    const synthetic = `azure:${SUB_B}/resourceGroups/rg-4`;
    const affected = (f: Finding) => under(group)(f) || f.resource.id === synthetic || noneIn(SUB_B)(f) || (f.check.id === 'azure-compute-vm-backed-up' && inAccount(SUB_B)(f));
    expectErrorsOnlyIn(baselineOf(run), run, affected, { code: 'ACCESS_DENIED', operation: /^(\*|Microsoft\.[A-Za-z]+(\/[A-Za-z]+)+)\/read(, Microsoft\.[A-Za-z]+(\/[A-Za-z]+)+\/read)*$/ });
    const read = (type: string) => ({ 'azure.resources.resource-group': 'Microsoft.Resources/subscriptions/resourceGroups/read', 'azure.resources.resource': '*/read' } as Record<string, string>)[type];
    const atGroup = run.findings.filter((f) => f.resource.id === synthetic);
    expect(atGroup.map((f) => f.check.id).sort()).toEqual(checksOn(...BULK_TYPES).sort());
    for (const f of atGroup) {
      expect(f.error?.message).toMatch(/deny assignment 'locked-rg'/);
      const type = azureChecks.find((c) => c.id === f.check.id)!.resourceType;
      if (read(type)) expect(f.error?.operation).toBe(read(type));
    }
    expect(atGroup.find((f) => f.check.id === 'azure-storage-account-min-tls-1-2')?.error?.operation).toBe('Microsoft.Storage/storageAccounts/read');
    expect(atGroup.find((f) => f.check.id === 'azure-storage-account-min-tls-1-2')?.resource.name).toBe(`sub-2 (${SUB_B}/resourceGroups/rg-4)`);
    expectVmBackupUnknown(run, SUB_B, PROTECTED_ITEMS_READ);
    expect(errorsOf(run)).toEqual([...scopeErrors(run, synthetic), ...vmErrors(run)].sort());
  }, 60_000);

  it('roles granted per resource group, one group left out: ERROR for that group alone, naming the read to grant', async () => {
    const groups = Object.fromEntries(Array.from({ length: 10 }, (_, i) => `rg-${i}`).filter((g) => g !== 'rg-4').map((g) => [g, [READER]]));
    const subscriptionWide = { actions: ['Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Authorization/*/read', 'Microsoft.Insights/diagnosticSettings/read', 'Microsoft.Security/pricings/read'] };
    const run = await scan({ ...collection, state: withAccess(SUB_C, { subscription: [subscriptionWide], resourceGroups: groups }) });
    const synthetic = `azure:${SUB_C}/resourceGroups/rg-4`;
    const group = `/subscriptions/${SUB_C}/resourceGroups/rg-4`;
    // The group itself is readable (its tags are still assessed); what is in it is not.
    const affected = (f: Finding) => (under(`${group}/`)(f)) || f.resource.id === synthetic || noneIn(SUB_C)(f) || (f.check.id === 'azure-compute-vm-backed-up' && inAccount(SUB_C)(f));
    expectErrorsOnlyIn(baselineOf(run), run, affected, { code: 'ACCESS_DENIED', operation: /^(\*|Microsoft\.[A-Za-z]+(\/[A-Za-z]+)+)\/read(, Microsoft\.[A-Za-z]+(\/[A-Za-z]+)+\/read)*$/ });
    const atGroup = run.findings.filter((f) => f.resource.id === synthetic);
    expect(atGroup.map((f) => f.check.id).sort()).toEqual(checksOn(...BULK_TYPES.filter((t) => t !== 'azure.resources.resource-group')).sort());
    expect(atGroup.find((f) => f.check.id === 'azure-sql-server-auditing-enabled')?.error?.operation).toBe('Microsoft.Sql/servers/read');
    expect(atGroup.find((f) => f.check.id === 'azure-sql-server-auditing-enabled')?.error?.message).toMatch(/resource group rg-4/);
    expectVmBackupUnknown(run, SUB_C, PROTECTED_ITEMS_READ);
    expect(errorsOf(run)).toEqual([...scopeErrors(run, synthetic), ...vmErrors(run)].sort());
  }, 60_000);

  it('storage accounts left out of the role in one subscription: the storage checks are ERROR for that subscription, the checks on every resource for its storage accounts alone, naming Microsoft.Storage/storageAccounts/read', async () => {
    const run = await scan({ ...collection, state: withAccess(SUB_A, { subscription: [{ actions: ['*/read'], notActions: ['Microsoft.Storage/storageAccounts/read'] }] }) });
    const synthetic = `azure:${SUB_A}`;
    const storageType = `${synthetic}/resourceTypes/Microsoft.Storage/storageAccounts`;
    const storage = (f: Finding) => f.resource.account === SUB_A && /\/providers\/Microsoft\.Storage\/storageAccounts\//i.test(f.resource.id);
    expectErrorsOnlyIn(baselineOf(run), run, (f) => storage(f) || f.resource.id === synthetic || f.resource.id === storageType, { code: 'ACCESS_DENIED', operation: /^Microsoft\.Storage\/storageAccounts\/read$/ });
    const expected = [
      ...checksOn('azure.storage.account').map((c) => `${c} ${synthetic} ACCESS_DENIED Microsoft.Storage/storageAccounts/read`),
      ...checksOn('azure.resources.resource').map((c) => `${c} ${storageType} ACCESS_DENIED Microsoft.Storage/storageAccounts/read`),
    ];
    expect(errorsOf(run)).toEqual(expected.sort());
    // The storage accounts vanished from the listing of every resource too: their tags were not assessed.
    expect(run.findings.filter(storage)).toEqual([]);
  }, 60_000);

  it('the permissions call itself refused: every bulk check is ERROR for that subscription naming Microsoft.Authorization/permissions/read; what was read still counts', async () => {
    const run = await scan({ ...collection, state: withAccess(SUB_B, { subscription: [{ actions: ['*/read'], notActions: ['Microsoft.Authorization/permissions/read'] }] }) });
    const synthetic = `azure:${SUB_B}`;
    const vmBackup = (f: Finding) => f.check.id === 'azure-compute-vm-backed-up' && inAccount(SUB_B)(f);
    const tagged = (f: Finding) => TAG_CHECKS.includes(f.check.id) && inAccount(SUB_B)(f);
    expectErrorsOnlyIn(baselineOf(run), run, (f) => f.resource.id === synthetic || vmBackup(f) || tagged(f), { code: 'ACCESS_DENIED', operation: /^Microsoft\.Authorization\/permissions\/read$/ });
    expectVmBackupUnknown(run, SUB_B, /^Microsoft\.Authorization\/permissions\/read$/);
    expect(scopeErrors(run, synthetic)).toEqual(checksOn(...BULK_TYPES).map((c) => `${c} ${synthetic} ACCESS_DENIED Microsoft.Authorization/permissions/read`).sort());
    expect(tagErrors(run).length).toBeGreaterThan(0);
    expect(errorsOf(run)).toEqual([...scopeErrors(run, synthetic), ...vmErrors(run), ...tagErrors(run)].sort());
    for (const f of run.findings.filter((x) => x.resource.id === synthetic && x.status === 'ERROR')) expect(f.error?.message).toMatch(/^cannot tell what the identity may read here/);
  }, 60_000);
});
