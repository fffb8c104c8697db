import { afterEach, describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/core/resource.js';
import allUsersMfa from '../../../checks/azure/entra/azure-entra-tenant-policy-mfa-enforced-all-users.js';
import pgFirewall from '../../../checks/azure/postgresql/azure-postgresql-flexible-server-firewall-no-internet-range.js';
import appTls from '../../../checks/azure/appservice/azure-appservice-web-app-min-tls-1-2.js';
import { AzureFake, type FakeOptions, type FakeResource, type FakeTenant } from '../../fakes/azure/server.js';
import { conditionalAccessPolicy } from '../../fakes/azure/services.js';
import * as w from '../../fakes/azure/tenant.js';
import { runCheck } from '../../support/checks.js';
import { itemsOf, scan } from './support.js';

/** The services of issue 13 through the real SDK pipeline against the wire fake: Resource Graph, the ARM fallback, Microsoft Graph. */
const SUB = '00000000-0000-0000-0000-0000000000a1';
const TENANT = '11111111-1111-1111-1111-111111111111';
const rid = (type: string, name: string) => `/subscriptions/${SUB}/resourceGroups/rg-data/providers/${type}/${name}`;
const res = (type: string, name: string, properties: Record<string, unknown>, extra: Partial<FakeResource> = {}): FakeResource => ({ id: rid(type, name), name, type, location: 'westeurope', properties, ...extra });

const TYPES: ReadonlySet<ResourceType> = new Set([
  'azure.cosmosdb.account', 'azure.postgresql.flexible-server', 'azure.mysql.flexible-server', 'azure.appservice.web-app', 'azure.aks.cluster',
  'azure.recoveryservices.vault', 'azure.storage.account', 'azure.sql.server', 'azure.entra.tenant-policy',
]);

function tenant(): FakeTenant {
  const pg = res('Microsoft.DBforPostgreSQL/flexibleServers', 'psql-1', { version: '16', network: { publicNetworkAccess: 'Enabled' }, backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' } });
  const site = res('Microsoft.Web/sites', 'app-1', { httpsOnly: true, siteConfig: { minTlsVersion: null } }, { kind: 'app', identity: { type: 'SystemAssigned' } });
  const st = w.storage(SUB, 'rg-data', 'stdata');
  const sql = w.sqlServer(SUB, 'rg-data', 'sql-1', 'Enabled');
  return {
    tenantId: TENANT,
    users: [],
    policy: { securityDefaults: false, conditionalAccess: [conditionalAccessPolicy('report only', { state: 'enabledForReportingButNotEnforced' }), conditionalAccessPolicy('mfa for all')] },
    subscriptions: [{
      id: SUB,
      name: 'prod',
      resourceGroups: [{ name: 'rg-data', location: 'westeurope' }],
      resources: [
        res('Microsoft.DocumentDB/databaseAccounts', 'cosmos-1', {
          publicNetworkAccess: 'Enabled', ipRules: [{ ipAddressOrRange: '198.51.100.7' }], disableLocalAuth: true, minimalTlsVersion: 'Tls12',
          backupPolicy: { type: 'Periodic', periodicModeProperties: { backupRetentionIntervalInHours: 8 } },
        }),
        pg,
        res('Microsoft.DBforMySQL/flexibleServers', 'mysql-1', { network: { publicNetworkAccess: 'Disabled' }, backup: { backupRetentionDays: 35, geoRedundantBackup: 'Enabled' } }),
        site,
        res('Microsoft.ContainerService/managedClusters', 'aks-1', {
          enableRBAC: true, aadProfile: { managed: true, enableAzureRBAC: true }, disableLocalAccounts: false, apiServerAccessProfile: { authorizedIPRanges: ['198.51.100.0/24'] }, networkProfile: { networkPolicy: 'calico' },
        }),
        res('Microsoft.RecoveryServices/vaults', 'rsv-1', {
          securitySettings: { softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 14 }, immutabilitySettings: { state: 'Locked' } },
          redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant' }, publicNetworkAccess: 'Disabled',
        }),
        st,
        sql,
      ],
      children: [
        { id: `${pg.id}/configurations/require_secure_transport`, name: 'require_secure_transport', type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations', properties: { value: 'off' } },
        { id: `${pg.id}/firewallRules/anyone`, name: 'anyone', type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' } },
        { id: `${site.id}/config/web`, name: 'web', type: 'Microsoft.Web/sites/config', properties: { minTlsVersion: '1.0', ftpsState: 'AllAllowed', remoteDebuggingEnabled: false } },
        { id: `${st.id}/blobServices/default`, name: 'default', type: 'Microsoft.Storage/storageAccounts/blobServices', properties: { deleteRetentionPolicy: { enabled: true, days: 14 }, isVersioningEnabled: true } },
        { id: `${sql.id}/firewallRules/AllowAllWindowsAzureIps`, name: 'AllowAllWindowsAzureIps', type: 'Microsoft.Sql/servers/firewallRules', properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' } },
        w.auditing(sql.id, 'Enabled'),
      ],
    }],
  };
}

let fake: AzureFake | undefined;
afterEach(async () => { await fake?.close(); fake = undefined; });
const start = async (options: FakeOptions = {}, t = tenant()) => (fake = await new AzureFake(t, { armPageSize: 1, ...options }).start());

function expectCollected(listings: Awaited<ReturnType<typeof scan>>['listings']): void {
  expect(listings.filter((l) => !l.items.ok).map((l) => [l.type, !l.items.ok && l.items.error.operation])).toEqual([]);
  expect(itemsOf(listings, 'azure.cosmosdb.account').map((a) => [a.name, a.data.ipRules, a.data.backupType, a.data.periodicRetentionHours, a.data.disableLocalAuth])).toEqual([['cosmos-1', ['198.51.100.7'], 'Periodic', 8, true]]);
  const [psql] = itemsOf(listings, 'azure.postgresql.flexible-server');
  expect([psql?.data.publicNetworkAccess, psql?.data.geoRedundantBackup, psql?.data.backupRetentionDays, psql?.data.requireSecureTransport, psql?.data.tlsVersion]).toMatchObject(['Enabled', 'Disabled', 7, { ok: true, value: 'off' }, { ok: true, value: 'TLSv1.2' }]);
  expect(itemsOf(listings, 'azure.mysql.flexible-server').map((s) => [s.name, s.data.geoRedundantBackup, s.data.firewallRules])).toMatchObject([['mysql-1', 'Enabled', { ok: true, value: [] }]]);
  expect(itemsOf(listings, 'azure.appservice.web-app').map((a) => [a.name, a.data.httpsOnly, a.data.identityType, a.data.config])).toMatchObject([['app-1', true, 'SystemAssigned', { ok: true, value: { minTlsVersion: '1.0', ftpsState: 'AllAllowed' } }]]);
  expect(itemsOf(listings, 'azure.aks.cluster').map((c) => [c.data.entraIntegration, c.data.azureRbac, c.data.disableLocalAccounts, c.data.authorizedIpRanges, c.data.networkPolicy])).toEqual([[true, true, false, ['198.51.100.0/24'], 'calico']]);
  expect(itemsOf(listings, 'azure.recoveryservices.vault').map((v) => [v.data.softDeleteState, v.data.immutabilityState, v.data.storageRedundancy])).toEqual([['AlwaysON', 'Locked', 'GeoRedundant']]);
  expect(itemsOf(listings, 'azure.storage.account').map((s) => s.data.blobService)).toMatchObject([{ ok: true, value: { blobSoftDeleteDays: 14, containerSoftDeleteDays: null, versioning: true } }]);
  expect(itemsOf(listings, 'azure.sql.server').map((s) => s.data.firewallRules)).toMatchObject([{ ok: true, value: [{ name: 'AllowAllWindowsAzureIps', startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }] }]);
  expect(runCheck(pgFirewall, listings).map((r) => [r.resource.name, r.status])).toEqual([['psql-1', 'FAIL']]);
  expect(runCheck(appTls, listings).map((r) => [r.resource.name, r.status])).toEqual([['app-1', 'FAIL']]);
}

describe('Azure data services (issue 13) through the SDK', () => {
  it('reads six types with one Resource Graph query, routed by type, and the per-resource settings through ARM', async () => {
    const f = await start();
    const { listings } = await scan(f, { tenantId: TENANT }, { types: TYPES });
    expectCollected(listings);
    const queries = f.requests.filter((r) => r.path.toLowerCase().endsWith('/microsoft.resourcegraph/resources')).map((r) => String((r.body as { query: string }).query));
    expect(queries.filter((q) => q.includes('type in~'))).toHaveLength(1);
    // Resource Graph carries the types' rows; ARM is asked only for what the rows lack.
    expect(f.requests.some((r) => /\/providers\/Microsoft\.DocumentDB\/databaseAccounts$/i.test(r.path))).toBe(false);
  });

  it('falls back to the subscription-wide ARM listing of each type, paged by nextLink, when Resource Graph is refused', async () => {
    const f = await start({ resourceGraphDisabled: true });
    const { listings } = await scan(f, { tenantId: TENANT }, { types: TYPES });
    expectCollected(listings);
    expect(f.requests.some((r) => /\/subscriptions\/[^/]+\/providers\/Microsoft\.Web\/sites$/i.test(r.path) && r.query.get('api-version') === '2023-12-01')).toBe(true);
  });

  it('reads security defaults and Conditional Access (paged); a refusal is an ERROR naming Policy.Read.All, never a pass', async () => {
    let f = await start({ graphPageSize: 1 });
    let { listings } = await scan(f, { tenantId: TENANT, subscriptions: [SUB] }, { types: TYPES });
    const [policy] = itemsOf(listings, 'azure.entra.tenant-policy', TENANT);
    expect(policy?.data.conditionalAccess).toMatchObject({ ok: true, value: [{ displayName: 'report only' }, { displayName: 'mfa for all', builtInControls: ['mfa'] }] });
    expect(runCheck(allUsersMfa, listings).map((r) => r.status)).toEqual(['PASS']);
    await f.close();
    f = await start({ policyDenied: true });
    ({ listings } = await scan(f, { tenantId: TENANT, subscriptions: [SUB] }, { types: TYPES }));
    const results = runCheck(allUsersMfa, listings);
    expect(results.map((r) => [r.resource.account, r.status, r.error?.operation])).toEqual([[TENANT, 'ERROR', 'graph:Policy.Read.All']]);
    expect(results[0]?.error?.message).toContain('Policy.Read.All');
  });

  it('a per-resource setting the identity may not read is an ERROR for that resource only', async () => {
    const t = tenant();
    const f = await start({}, { ...t, subscriptions: t.subscriptions.map((s) => ({ ...s, access: { subscription: [{ actions: ['*/read'], notActions: ['Microsoft.Web/sites/config/read'] }] } })) });
    const { listings } = await scan(f, { tenantId: TENANT }, { types: TYPES });
    const [app] = itemsOf(listings, 'azure.appservice.web-app');
    expect(app?.data.httpsOnly).toBe(true);
    expect(app?.data.config).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'Microsoft.Web/sites/config/read' } });
    expect(runCheck(appTls, listings).map((r) => [r.resource.name, r.status])).toEqual([['app-1', 'ERROR']]);
  });
});
