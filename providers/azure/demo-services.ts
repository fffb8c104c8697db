import type { Listing } from '../../src/core/inventory.js';
import { seen } from '../../src/core/observed.js';
import { type Resource, type ResourceType, type Scope } from '../../src/core/resource.js';
import { listing, resource } from '../../src/inventory/build.js';
import type { AzureAksCluster, AzureConditionalAccessPolicy, AzureCosmosAccount, AzureFlexibleServer, AzureRecoveryVault, AzureWebApp } from './model/types.js';

/**
 * The demo subscription's data services beyond storage and SQL (one compliant and one
 * non-compliant of each), and how its tenant enforces MFA. Part of `azureDemo` (demo.ts).
 */
const owned = { owner: 'payments', 'cost-center': '4711' };

export function serviceListings(sub: Scope, tenant: Scope): Listing[] {
  const id = (rg: string, type: string, name: string) => `/subscriptions/${sub.account}/resourceGroups/${rg}/providers/${type}/${name}`;
  const make = <T extends ResourceType>(type: T, rg: string, armType: string, name: string, data: Resource<T>['data'], region = 'westeurope'): Resource<T> =>
    resource(type, { provider: 'azure', account: sub.account, region }, { id: id(rg, armType, name), name, tags: rg === 'rg-payments' ? owned : {}, data });

  const cosmos = (name: string, rg: string, over: Partial<AzureCosmosAccount>) => make('azure.cosmosdb.account', rg, 'Microsoft.DocumentDB/databaseAccounts', name, {
    resourceGroup: rg, publicNetworkAccess: 'Disabled', ipRules: [], virtualNetworkFilter: false, keyVaultKeyUri: 'https://kv-payments.vault.azure.net/keys/cosmos',
    backupType: 'Continuous', continuousTier: 'Continuous30Days', periodicRetentionHours: null, disableLocalAuth: true, minimalTlsVersion: 'Tls12', ...over,
  });
  const flexible = (name: string, rg: string, over: Partial<AzureFlexibleServer>): AzureFlexibleServer => ({
    resourceGroup: rg, version: null, publicNetworkAccess: 'Disabled', geoRedundantBackup: 'Enabled', backupRetentionDays: 35,
    requireSecureTransport: seen('ON'), tlsVersion: seen(null), firewallRules: seen([]), ...over,
  });
  const openRules = seen([
    { name: 'AllowAllAzureServicesAndResourcesWithinAzureIps', startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' },
    { name: 'anyone', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' },
  ]);
  const app = (name: string, rg: string, over: Partial<AzureWebApp>) => make('azure.appservice.web-app', rg, 'Microsoft.Web/sites', name, {
    resourceGroup: rg, kind: 'app,linux', httpsOnly: true, identityType: 'SystemAssigned', config: seen({ minTlsVersion: '1.2', ftpsState: 'Disabled', remoteDebuggingEnabled: false }), ...over,
  });
  const aks = (name: string, rg: string, over: Partial<AzureAksCluster>) => make('azure.aks.cluster', rg, 'Microsoft.ContainerService/managedClusters', name, {
    resourceGroup: rg, kubernetesVersion: '1.30.3', enableRbac: true, entraIntegration: true, azureRbac: true, disableLocalAccounts: true, privateCluster: true, authorizedIpRanges: [], networkPolicy: 'cilium', ...over,
  });
  const rsv = (name: string, rg: string, over: Partial<AzureRecoveryVault>) => make('azure.recoveryservices.vault', rg, 'Microsoft.RecoveryServices/vaults', name, {
    resourceGroup: rg, softDeleteState: 'AlwaysON', softDeleteRetentionDays: 14, immutabilityState: 'Locked', publicNetworkAccess: 'Disabled', storageRedundancy: 'GeoRedundant', ...over,
  });
  const ca = (displayName: string, over: Partial<AzureConditionalAccessPolicy>): AzureConditionalAccessPolicy => ({
    id: displayName, displayName, state: 'enabled', includeUsers: ['All'], excludeUsers: ['break-glass-1'], excludeGroups: [], includeRoles: [], includeApplications: ['All'], excludeApplications: [],
    clientAppTypes: ['all'], builtInControls: ['mfa'], operator: 'OR', authenticationStrength: null, ...over,
  });

  return [
    listing(sub, 'azure.cosmosdb.account', [
      cosmos('cosmos-payments', 'rg-payments', {}),
      cosmos('cosmos-legacy', 'rg-legacy', {
        publicNetworkAccess: 'Enabled', keyVaultKeyUri: null, backupType: 'Periodic', continuousTier: null, periodicRetentionHours: 8, disableLocalAuth: false, minimalTlsVersion: 'Tls',
      }),
    ]),
    listing(sub, 'azure.postgresql.flexible-server', [
      make('azure.postgresql.flexible-server', 'rg-payments', 'Microsoft.DBforPostgreSQL/flexibleServers', 'psql-payments', flexible('psql-payments', 'rg-payments', { tlsVersion: seen('TLSv1.2') })),
      make('azure.postgresql.flexible-server', 'rg-legacy', 'Microsoft.DBforPostgreSQL/flexibleServers', 'psql-legacy', flexible('psql-legacy', 'rg-legacy', {
        publicNetworkAccess: 'Enabled', geoRedundantBackup: 'Disabled', backupRetentionDays: 3, requireSecureTransport: seen('OFF'), tlsVersion: seen('TLSv1'), firewallRules: openRules,
      }), 'eastus'),
    ]),
    listing(sub, 'azure.mysql.flexible-server', [
      make('azure.mysql.flexible-server', 'rg-payments', 'Microsoft.DBforMySQL/flexibleServers', 'mysql-payments', flexible('mysql-payments', 'rg-payments', { tlsVersion: seen('TLSv1.2,TLSv1.3') })),
      make('azure.mysql.flexible-server', 'rg-legacy', 'Microsoft.DBforMySQL/flexibleServers', 'mysql-legacy', flexible('mysql-legacy', 'rg-legacy', {
        publicNetworkAccess: 'Enabled', geoRedundantBackup: 'Disabled', backupRetentionDays: 1, requireSecureTransport: seen('OFF'), tlsVersion: seen('TLSv1.1,TLSv1.2'), firewallRules: openRules,
      }), 'eastus'),
    ]),
    listing(sub, 'azure.appservice.web-app', [
      app('app-checkout', 'rg-payments', {}),
      app('app-legacy-portal', 'rg-legacy', { httpsOnly: false, identityType: null, config: seen({ minTlsVersion: '1.0', ftpsState: 'AllAllowed', remoteDebuggingEnabled: true }) }),
    ]),
    listing(sub, 'azure.aks.cluster', [
      aks('aks-payments', 'rg-payments', {}),
      aks('aks-legacy', 'rg-legacy', { enableRbac: false, entraIntegration: false, azureRbac: false, disableLocalAccounts: false, privateCluster: false, networkPolicy: null }),
    ]),
    listing(sub, 'azure.recoveryservices.vault', [
      rsv('rsv-prod', 'rg-ops', {}),
      rsv('rsv-legacy', 'rg-legacy', { softDeleteState: 'Disabled', immutabilityState: 'Disabled', publicNetworkAccess: 'Enabled', storageRedundancy: 'LocallyRedundant' }),
    ]),
    listing(tenant, 'azure.entra.tenant-policy', [
      resource('azure.entra.tenant-policy', { provider: 'azure', account: tenant.account, region: tenant.region }, {
        id: `${tenant.account}/policies/mfa`, name: 'Entra ID tenant', tags: {},
        data: {
          securityDefaults: seen(false),
          // MFA for everyone, but legacy protocols (which cannot do MFA) are only reported on, not blocked.
          conditionalAccess: seen([
            ca('Require MFA for all users', {}),
            ca('Block legacy authentication', { state: 'enabledForReportingButNotEnforced', excludeUsers: [], clientAppTypes: ['exchangeActiveSync', 'other'], builtInControls: ['block'] }),
          ]),
        },
      }),
    ]),
  ];
}
