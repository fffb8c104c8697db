import { afterEach, describe, expect, it } from 'vitest';
import type { Listing } from '../../../src/core/inventory.js';
import { runCheck } from '../../support/checks.js';
import nsgCheck from '../../../checks/azure/network/azure-network-nsg-internet-ingress-restricted.js';
import adminMfa from '../../../checks/azure/entra/azure-entra-admin-mfa-registered.js';
import storageTls from '../../../checks/azure/storage/azure-storage-account-min-tls-1-2.js';
import owners from '../../../checks/azure/authorization/azure-authorization-subscription-owners-two-to-three.js';
import { AzureFake, type FakeOptions, type FakeTenant } from '../../fakes/azure/server.js';
import * as w from '../../fakes/azure/tenant.js';
import { itemsOf, scan } from './support.js';
import { answered } from '../../support/observed.js';

const PROD = '00000000-0000-0000-0000-0000000000a1';
const DEV = '00000000-0000-0000-0000-0000000000b2';
const LOCKED = '00000000-0000-0000-0000-0000000000c3';
const TENANT = '11111111-1111-1111-1111-111111111111';

function scenario(): FakeTenant {
  const vmWeb = w.vm(PROD, 'rg-app', 'vm-web');
  const vmDb = w.vm(PROD, 'rg-app', 'vm-db');
  const kv = w.vault(PROD, 'rg-app', 'kv-prod', { enablePurgeProtection: false });
  const sql = w.sqlServer(PROD, 'rg-data', 'sql-prod', 'Enabled');
  const db = w.sqlDatabase(sql.id, 'orders');
  const rsv = `/subscriptions/${PROD}/resourceGroups/rg-ops/providers/Microsoft.RecoveryServices/vaults/rsv`;
  return {
    tenantId: TENANT,
    users: [
      { userPrincipalName: 'admin@contoso.com', isAdmin: true, isMfaRegistered: true },
      { userPrincipalName: 'ops@contoso.com', isAdmin: true, isMfaRegistered: false },
      { userPrincipalName: 'dev@contoso.com', isAdmin: false, isMfaRegistered: false },
    ],
    managementGroups: { 'mg-prod': [PROD] },
    subscriptions: [
      {
        id: PROD,
        name: 'contoso-prod',
        resourceGroups: [{ name: 'rg-app', location: 'westeurope', tags: { owner: 'app' } }, { name: 'rg-data', location: 'northeurope' }],
        resources: [
          w.storage(PROD, 'rg-app', 'stgood'),
          w.storage(PROD, 'rg-app', 'stlegacy', { minimumTlsVersion: 'TLS1_0', allowBlobPublicAccess: true, encryption: { keySource: 'Microsoft.Keyvault', requireInfrastructureEncryption: true, keyvaultproperties: { keyvaulturi: 'https://kv-prod.vault.azure.net' } } }),
          vmWeb,
          vmDb,
          w.disk(PROD, 'rg-app', 'vm-web-os', vmWeb.id, 'EncryptionAtRestWithCustomerKey'),
          w.disk(PROD, 'rg-app', 'orphan', null),
          w.nsg(PROD, 'rg-app', 'nsg-web', [{ name: 'allow-rdp', port: '3389', source: 'Internet' }, { name: 'allow-https', port: '443', source: '*' }]),
          kv,
          sql,
          db,
          { id: rsv, name: 'rsv', type: 'Microsoft.RecoveryServices/vaults', location: 'westeurope' },
        ],
        children: [
          w.vaultItem(kv.id, 'keys', 'cmk', 1_900_000_000),
          w.vaultItem(kv.id, 'secrets', 'db-password', null),
          w.auditing(sql.id, 'Disabled'),
          w.tde(db.id, 'Enabled'),
          w.roleAssignment(PROD, 1, 'alice'),
          w.roleAssignment(PROD, 2, 'bob'),
          w.roleAssignment(PROD, 3, 'carol', `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`),
          w.customRole(PROD, 'platform-admin', ['*']),
          w.activityLogExport(PROD, ['Administrative', 'Security', 'Alert', 'Policy']),
          w.pricing(PROD, 'VirtualMachines', 'Standard'),
          w.pricing(PROD, 'StorageAccounts', 'Free'),
        ],
        protectedItems: [w.protectedItem(rsv, vmWeb.id)],
      },
      {
        id: DEV,
        name: 'contoso-dev',
        resourceGroups: [{ name: 'rg-dev', location: 'westeurope' }],
        resources: [w.storage(DEV, 'rg-dev', 'stdev'), ...Array.from({ length: 7 }, (_, i) => w.genericResource(DEV, 'rg-dev', i, i === 0 ? 'eastus' : 'westeurope'))],
        children: [w.roleAssignment(DEV, 1, 'alice')],
      },
      { id: LOCKED, name: 'contoso-locked', denied: true, resourceGroups: [], resources: [], children: [] },
    ],
  };
}

let fake: AzureFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeOptions = {}): Promise<AzureFake> {
  fake = await new AzureFake(scenario(), options).start();
  return fake;
}

const failedOps = (listings: readonly Listing[], account: string) =>
  listings.filter((l) => l.scope.account === account && !l.items.ok).map((l) => (l.items.ok ? '' : `${l.type} ${l.items.error.code}`)).sort();

describe('Azure adapter against the HTTPS fake (real SDK clients)', () => {
  it('collects through Resource Graph in batches, pages with $skipToken, and errors only the denied subscription', async () => {
    const f = await start({ resourceGraphPageSize: 3, graphPageSize: 2, armPageSize: 2 });
    const { discovery, listings, credential, adapter, api } = await scan(f, { tenantId: TENANT, resourceGraphBatchSize: 2 });

    expect(discovery.targets.map((t) => t.account).sort()).toEqual([PROD, DEV, TENANT].sort());
    expect(discovery.mode).toBe('resource-graph (2 subscriptions in 1 batch; 1 unreadable)');
    // Denied rows vanish from Resource Graph; one ARM read then shows the subscription is unreadable.
    expect(discovery.failures.map((x) => [x.scope.account, x.scope.accountName, x.error.code, x.error.operation])).toEqual([
      [LOCKED, 'contoso-locked', 'ACCESS_DENIED', 'Microsoft.Resources/subscriptions/resourceGroups/read'],
    ]);
    expect(credential.scopes.every((s) => s === `${f.url}/.default`)).toBe(true);

    expect(listings.filter((l) => l.scope.account === LOCKED)).toEqual([]);
    expect(failedOps(listings, PROD)).toEqual([]);
    expect(failedOps(listings, DEV)).toEqual([]);

    const accounts = itemsOf(listings, 'azure.storage.account', PROD);
    expect(accounts.map((a) => [a.name, a.data.minimumTlsVersion, a.data.allowBlobPublicAccess, a.data.keySource, a.data.keyVaultUri])).toEqual([
      ['stgood', 'TLS1_2', false, 'Microsoft.Storage', null],
      ['stlegacy', 'TLS1_0', true, 'Microsoft.Keyvault', 'https://kv-prod.vault.azure.net'],
    ]);
    expect(itemsOf(listings, 'azure.compute.disk', PROD).map((d) => [d.name, d.data.encryptionType, d.data.managedBy !== null])).toEqual([
      ['vm-web-os', 'EncryptionAtRestWithCustomerKey', true],
      ['orphan', 'EncryptionAtRestWithPlatformKey', false],
    ]);
    const [vault] = itemsOf(listings, 'azure.keyvault.vault', PROD);
    expect(vault?.data).toMatchObject({ purgeProtection: false, softDelete: true, rbacAuthorization: true });
    expect(vault?.data.keys).toEqual(answered([{ name: 'cmk', enabled: true, expires: new Date(1_900_000_000_000).toISOString() }]));
    expect(vault?.data.secrets).toEqual(answered([{ name: 'db-password', enabled: true, expires: null }]));
    expect(itemsOf(listings, 'azure.sql.server', PROD)[0]?.data).toMatchObject({ publicNetworkAccess: 'Enabled', auditing: { ok: true, value: { state: 'Disabled' } } });
    expect(itemsOf(listings, 'azure.sql.database', PROD)[0]?.data).toMatchObject({ serverName: 'sql-prod', tde: { ok: true, value: 'Enabled' } });
    expect(itemsOf(listings, 'azure.backup.protected-item', PROD).map((i) => i.data.sourceResourceId)).toEqual([`/subscriptions/${PROD}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-web`]);
    expect(itemsOf(listings, 'azure.resources.resource', DEV)).toHaveLength(8);
    expect(itemsOf(listings, 'azure.resources.resource-group', PROD).map((g) => [g.name, g.region, g.tags])).toEqual([['rg-app', 'westeurope', { owner: 'app' }], ['rg-data', 'northeurope', {}]]);
    const [sub] = itemsOf(listings, 'azure.subscription', PROD);
    expect(sub?.data.ownerAssignments).toMatchObject({ ok: true, value: [{ principalId: 'alice' }, { principalId: 'bob' }] });
    expect(sub?.data.defenderPlans).toMatchObject({ ok: true, value: [{ name: 'VirtualMachines', pricingTier: 'Standard' }, { name: 'StorageAccounts', pricingTier: 'Free' }] });
    expect(itemsOf(listings, 'azure.authorization.custom-role', PROD).map((r) => r.data.actions)).toEqual([['*']]);
    expect(itemsOf(listings, 'azure.entra.user', TENANT).map((u) => [u.name, u.data.isAdmin, u.data.isMfaRegistered])).toEqual([
      ['admin@contoso.com', true, true], ['ops@contoso.com', true, false], ['dev@contoso.com', false, false],
    ]);

    // Bulk first: one query per (batch, type) plus its pages, never one per subscription.
    const graphQueries = f.requests.filter((r) => r.path.toLowerCase().includes('resourcegraph'));
    const probe = graphQueries.filter((r) => (r.body as { query: string }).query.includes("'microsoft.resources/subscriptions'"));
    expect(probe).toHaveLength(2); // 3 selected subscriptions in batches of 2
    const distinctQueries = new Set(graphQueries.map((r) => (r.body as { query: string }).query));
    expect(distinctQueries.size).toBe(11); // the probe + 10 resource types, one batch of 2 visible subscriptions
    expect(graphQueries.some((r) => (r.body as { options?: { $skipToken?: string } }).options?.$skipToken)).toBe(true);
    expect(graphQueries.every((r) => JSON.stringify((r.body as { subscriptions?: string[] }).subscriptions?.sort()) === JSON.stringify([PROD, DEV].sort()) || probe.includes(r))).toBe(true);
    expect(adapter.resourceGraphQueries).toBe(graphQueries.length);
    expect(api.snapshot().calls['azure']?.['resourcegraph']?.['Microsoft.ResourceGraph/resources/read']).toBe(graphQueries.length);

    // Real verdicts for the readable subscriptions (the engine turns the discovery failure into ERRORs for LOCKED alone).
    const tls = runCheck(storageTls, listings);
    expect(tls.filter((r) => r.status === 'ERROR')).toEqual([]);
    expect(tls.filter((r) => r.resource.account === PROD).map((r) => [r.resource.name, r.status])).toEqual([['stgood', 'PASS'], ['stlegacy', 'FAIL']]);
    const ownerResults = runCheck(owners, listings);
    expect(ownerResults.map((r) => [r.resource.account, r.status]).sort()).toEqual([[DEV, 'FAIL'], [PROD, 'PASS']].sort());
    expect(runCheck(nsgCheck, listings).find((r) => r.resource.name === 'nsg-web')?.evidence).toMatchObject({ openRules: [{ rule: 'allow-rdp', exposes: 'RDP' }] });
    expect(runCheck(adminMfa, listings).filter((r) => r.resource.account === TENANT).map((r) => [r.resource.name, r.status])).toEqual([['admin@contoso.com', 'PASS'], ['ops@contoso.com', 'FAIL']]);
    // Users live in the tenant, resources in subscriptions: no listing crosses over.
    expect([...new Set(listings.filter((l) => l.scope.account === TENANT).map((l) => l.type))]).toEqual(['azure.entra.user']);
    expect(listings.filter((l) => l.type === 'azure.entra.user').map((l) => l.scope.account)).toEqual([TENANT]);
  });

  it('falls back to the per-service ARM clients when Resource Graph is refused, with nextLink paging', async () => {
    const f = await start({ resourceGraphDisabled: true, armPageSize: 1 });
    const { discovery, listings } = await scan(f, { tenantId: TENANT, subscriptions: [PROD, DEV] });
    expect(discovery.mode).toBe('arm (Resource Graph unavailable: ACCESS_DENIED; 2 subscriptions)');
    expect(failedOps(listings, PROD)).toEqual([]);
    expect(itemsOf(listings, 'azure.storage.account', PROD).map((a) => [a.name, a.data.minimumTlsVersion, a.data.httpsTrafficOnly, a.data.networkDefaultAction])).toEqual([
      ['stgood', 'TLS1_2', true, 'Deny'],
      ['stlegacy', 'TLS1_0', true, 'Deny'],
    ]);
    expect(itemsOf(listings, 'azure.network.nsg', PROD)[0]?.data.rules.map((r) => [r.name, r.sourcePrefixes, r.destinationPorts])).toEqual([
      ['allow-rdp', ['Internet'], ['3389']],
      ['allow-https', ['*'], ['443']],
    ]);
    expect(itemsOf(listings, 'azure.compute.disk', PROD).map((d) => [d.name, d.data.diskState])).toEqual([['vm-web-os', 'Attached'], ['orphan', 'Unattached']]);
    expect(itemsOf(listings, 'azure.compute.vm', PROD).map((v) => [v.name, v.data.encryptionAtHost, v.data.identityType])).toEqual([['vm-web', true, 'SystemAssigned'], ['vm-db', true, 'SystemAssigned']]);
    expect(itemsOf(listings, 'azure.sql.database', PROD).map((d) => [d.name, d.data.tde])).toEqual([['orders', answered('Enabled')]]);
    expect(itemsOf(listings, 'azure.backup.protected-item', PROD).map((i) => [i.data.protectionState, i.data.policyName])).toEqual([['Protected', 'DefaultPolicy']]);
    expect(itemsOf(listings, 'azure.resources.resource', DEV)).toHaveLength(8);
    expect(f.requests.filter((r) => r.query.get('$skiptoken')).length).toBeGreaterThan(5);
  });

  it('never takes a Resource Graph answer truncated without a $skipToken as the whole listing: it reads the type through ARM instead', async () => {
    const truncated = { status: 200, body: { totalRecords: 2, count: 0, resultTruncated: 'true', data: [] } };
    const f = await start({ faults: [{ match: (r) => JSON.stringify(r.body ?? '').includes('microsoft.storage/storageaccounts'), times: 1, response: truncated }] });
    const { listings } = await scan(f, { tenantId: TENANT, subscriptions: [PROD], entra: false });
    expect(itemsOf(listings, 'azure.storage.account', PROD).map((s) => s.name).sort()).toEqual(['stgood', 'stlegacy']);
    expect(f.requests.some((r) => r.path.toLowerCase().endsWith('/microsoft.storage/storageaccounts'))).toBe(true);
  });

  it('honours Retry-After on a 429 from Resource Graph and counts the retry', async () => {
    const f = await start({
      faults: [{ match: (r) => r.method === 'POST' && JSON.stringify(r.body).includes('microsoft.storage/storageaccounts'), times: 1, response: { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'RateLimiting', message: 'Please retry' } } } }],
    });
    const { listings, api } = await scan(f, { tenantId: TENANT, subscriptions: [PROD] });
    const storageQueries = f.requests.filter((r) => JSON.stringify(r.body ?? '').includes('microsoft.storage/storageaccounts'));
    expect(storageQueries.map((r) => r.status)).toEqual([429, 200]);
    expect(storageQueries[1]!.at - storageQueries[0]!.at).toBeGreaterThanOrEqual(950);
    expect(api.snapshot().retries).toEqual({ 'azure/resourcegraph/retry-after': 1 });
    expect(itemsOf(listings, 'azure.storage.account', PROD)).toHaveLength(2);
  });

  it('turns a Graph 403 into ERROR for the MFA checks, naming the permission, never a pass', async () => {
    const f = await start({ graphDenied: true });
    const { listings } = await scan(f, { tenantId: TENANT, subscriptions: [PROD] });
    const users = listings.find((l) => l.type === 'azure.entra.user' && l.scope.account === TENANT);
    expect(users?.items.ok).toBe(false);
    const error = users && !users.items.ok ? users.items.error : undefined;
    expect(error).toMatchObject({ code: 'ACCESS_DENIED', operation: 'graph:AuditLog.Read.All' });
    expect(error?.message).toContain('UserAuthenticationMethod.Read.All');
    const results = runCheck(adminMfa, listings);
    expect(results.map((r) => [r.resource.account, r.status, r.error?.operation])).toEqual([[TENANT, 'ERROR', 'graph:AuditLog.Read.All']]);
  });

  it('reads an MFA report page without a value array as INVALID_RESPONSE, never as a tenant without users', async () => {
    const f = await start({
      resourceGraphDisabled: true,
      faults: [{ match: (r) => r.path.endsWith('/userRegistrationDetails'), times: 1, response: { status: 200, body: { '@odata.context': 'x' } } }],
    });
    const { listings } = await scan(f, { tenantId: TENANT, subscriptions: [PROD], maxRetries: 0 });
    const users = listings.find((l) => l.type === 'azure.entra.user' && l.scope.account === TENANT);
    expect(users?.items.ok).toBe(false);
    expect(users && !users.items.ok ? users.items.error.code : undefined).toBe('INVALID_RESPONSE');
    expect(runCheck(adminMfa, listings).map((r) => [r.resource.account, r.status])).toEqual([[TENANT, 'ERROR']]);
  });

  it('reports configured subscriptions it cannot read as discovery failures and honours include, exclude, management group and shard', async () => {
    const f = await start();
    const missing = '00000000-0000-0000-0000-00000000dead';
    const configured = await scan(f, { tenantId: TENANT, subscriptions: [PROD, missing], entra: false });
    expect(configured.discovery.targets.map((t) => t.account)).toEqual([PROD]);
    expect(configured.discovery.failures.map((x) => [x.scope.account, x.error.code])).toEqual([[missing, 'NOT_FOUND']]);

    const filtered = await scan(f, { tenantId: TENANT, include: ['contoso-*'], exclude: ['*-locked', DEV], entra: false }, { types: new Set() });
    expect(filtered.discovery.targets.map((t) => t.accountName)).toEqual(['contoso-prod']);

    const group = await scan(f, { tenantId: TENANT, managementGroup: 'mg-prod', entra: false }, { types: new Set() });
    expect(group.discovery.targets.map((t) => t.account)).toEqual([PROD]);

    const shards = await Promise.all([0, 1].map((index) => scan(f, { tenantId: TENANT }, { shard: { index, count: 2 }, types: new Set() })));
    const accounts = shards.map((s) => [...s.discovery.targets.map((t) => t.account), ...s.discovery.failures.map((x) => x.scope.account)]);
    expect([...accounts[0]!, ...accounts[1]!].sort()).toEqual([PROD, DEV, LOCKED, TENANT].sort());
    expect(accounts[0]!.filter((a) => accounts[1]!.includes(a))).toEqual([]);
  });

  it('an identity that can list no subscription is a discovery failure, never a clean scan', async () => {
    fake = await new AzureFake({ ...scenario(), subscriptions: [] }).start();
    const { discovery } = await scan(fake, { tenantId: TENANT, entra: false }, { types: new Set() });
    expect(discovery.targets).toEqual([]);
    expect(discovery.failures.map((x) => [x.scope.account, x.error.code, x.error.operation])).toEqual([[TENANT, 'NOT_FOUND', 'Microsoft.Resources/subscriptions/read']]);
  });

  it('waits for the Resource Graph user quota to reset before the next query', async () => {
    const f = await start({ resourceGraphQuotaExhaustedOnce: true });
    await scan(f, { tenantId: TENANT, subscriptions: [PROD], entra: false });
    const queries = f.requests.filter((r) => r.method === 'POST');
    expect(queries.length).toBeGreaterThan(2);
    // The probe's answer said "0 left, resets after 00:00:01": the next query waits for it.
    expect(queries[1]!.at - queries[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('abandons a call that hangs past the call timeout as TIMEOUT, for that listing only', async () => {
    const f = await start({
      resourceGraphDisabled: true,
      faults: [{ match: (r) => r.path.toLowerCase().endsWith('/microsoft.storage/storageaccounts'), times: 1, response: { status: 200, delayMs: 10_000, body: { value: [] } } }],
    });
    const { listings } = await scan(f, { tenantId: TENANT, subscriptions: [PROD], entra: false, maxRetries: 0 }, { callTimeoutMs: 2_500 });
    expect(failedOps(listings, PROD)).toEqual(['azure.storage.account TIMEOUT']);
    expect(itemsOf(listings, 'azure.compute.disk', PROD)).toHaveLength(2);
  });

  it('honours Retry-After on a 429 from ARM (core-rest-pipeline errors) and on a 429 from Microsoft Graph', async () => {
    const throttled = { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } };
    const f = await start({
      resourceGraphDisabled: true,
      faults: [
        { match: (r) => r.path.toLowerCase().endsWith('/microsoft.network/networksecuritygroups'), times: 1, response: throttled },
        { match: (r) => r.path.endsWith('/userRegistrationDetails'), times: 1, response: throttled },
      ],
    });
    const { listings, api } = await scan(f, { tenantId: TENANT, subscriptions: [PROD] });
    for (const suffix of ['/microsoft.network/networksecuritygroups', '/userregistrationdetails']) {
      const calls = f.requests.filter((r) => r.path.toLowerCase().endsWith(suffix));
      expect(calls.map((r) => r.status)).toEqual([429, 200]);
      expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    }
    expect(api.snapshot().retries).toEqual({ 'azure/arm/retry-after': 1, 'azure/graph/retry-after': 1 });
    expect(itemsOf(listings, 'azure.network.nsg', PROD)).toHaveLength(1);
    expect(itemsOf(listings, 'azure.entra.user', TENANT)).toHaveLength(3);
  });
});
