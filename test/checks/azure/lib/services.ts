import { expect } from 'vitest';
import type { AnyCheck } from '../../../../src/core/check.js';
import { seen } from '../../../../src/core/observed.js';
import type { Resource, ResourceType } from '../../../../src/core/resource.js';
import { resource } from '../../../../src/inventory/build.js';
import type {
  AzureAksCluster,
  AzureConditionalAccessPolicy,
  AzureCosmosAccount,
  AzureEntraTenantPolicy,
  AzureFlexibleServer,
  AzureRecoveryVault,
  AzureWebApp,
} from '../../../../providers/azure/model/types.js';
import { runCheck } from '../../../support/checks.js';
import { failed, list, SUB, TENANT, tenantScope } from '../fixtures.js';

/** Compliant builders for the service types of issue 13 (Cosmos DB, flexible servers, App Service, AKS, vaults, tenant MFA). */
const armId = (type: string, name: string) => `/subscriptions/${SUB}/resourceGroups/rg-app/providers/${type}/${name}`;
const make = <T extends ResourceType>(type: T, armType: string, name: string, data: Resource<T>['data']): Resource<T> =>
  resource(type, { provider: 'azure', account: SUB, region: 'westeurope' }, { id: armId(armType, name), name, tags: {}, data });

export const cosmos = (name: string, over: Partial<AzureCosmosAccount> = {}) => make('azure.cosmosdb.account', 'Microsoft.DocumentDB/databaseAccounts', name, {
  resourceGroup: 'rg-app', publicNetworkAccess: 'Disabled', ipRules: [], virtualNetworkFilter: false, keyVaultKeyUri: 'https://kv.vault.azure.net/keys/k',
  backupType: 'Continuous', continuousTier: 'Continuous30Days', periodicRetentionHours: null, disableLocalAuth: true, minimalTlsVersion: 'Tls12', ...over,
});

const flexibleData = (over: Partial<AzureFlexibleServer>): AzureFlexibleServer => ({
  resourceGroup: 'rg-app', version: '16', publicNetworkAccess: 'Disabled', geoRedundantBackup: 'Enabled', backupRetentionDays: 14,
  requireSecureTransport: seen('ON'), tlsVersion: seen('TLSv1.2'), firewallRules: seen([{ name: 'office', startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.255' }]), ...over,
});
export const postgres = (name: string, over: Partial<AzureFlexibleServer> = {}) => make('azure.postgresql.flexible-server', 'Microsoft.DBforPostgreSQL/flexibleServers', name, flexibleData(over));
export const mysql = (name: string, over: Partial<AzureFlexibleServer> = {}) =>
  make('azure.mysql.flexible-server', 'Microsoft.DBforMySQL/flexibleServers', name, flexibleData({ tlsVersion: seen('TLSv1.2,TLSv1.3'), ...over }));

export const webApp = (name: string, over: Partial<AzureWebApp> = {}) => make('azure.appservice.web-app', 'Microsoft.Web/sites', name, {
  resourceGroup: 'rg-app', kind: 'app', httpsOnly: true, identityType: 'SystemAssigned', config: seen({ minTlsVersion: '1.2', ftpsState: 'FtpsOnly', remoteDebuggingEnabled: false }), ...over,
});

export const aks = (name: string, over: Partial<AzureAksCluster> = {}) => make('azure.aks.cluster', 'Microsoft.ContainerService/managedClusters', name, {
  resourceGroup: 'rg-app', kubernetesVersion: '1.30', enableRbac: true, entraIntegration: true, azureRbac: true, disableLocalAccounts: true, privateCluster: false, authorizedIpRanges: ['198.51.100.0/24'], networkPolicy: 'azure', ...over,
});

export const recoveryVault = (name: string, over: Partial<AzureRecoveryVault> = {}) => make('azure.recoveryservices.vault', 'Microsoft.RecoveryServices/vaults', name, {
  resourceGroup: 'rg-app', softDeleteState: 'Enabled', softDeleteRetentionDays: 14, immutabilityState: 'Unlocked', publicNetworkAccess: 'Disabled', storageRedundancy: 'GeoRedundant', ...over,
});

export const caPolicy = (displayName: string, over: Partial<AzureConditionalAccessPolicy> = {}): AzureConditionalAccessPolicy => ({
  id: displayName, displayName, state: 'enabled', includeUsers: ['All'], excludeUsers: [], excludeGroups: [], includeRoles: [], includeApplications: ['All'], excludeApplications: [],
  clientAppTypes: ['all'], builtInControls: ['mfa'], operator: 'OR', authenticationStrength: null, ...over,
});

export const tenantPolicy = (over: Partial<AzureEntraTenantPolicy> = {}) =>
  resource('azure.entra.tenant-policy', { provider: 'azure', account: TENANT, region: 'global' }, {
    id: `${TENANT}/policies/mfa`, name: 'Entra ID tenant', tags: {}, data: { securityDefaults: seen(false), conditionalAccess: seen([caPolicy('mfa')]), ...over },
  });

/**
 * The cases every resource check shares: a listing that failed is ERROR (naming the operation),
 * an empty one NOT_APPLICABLE.
 */
export function expectErrorAndNotApplicable(check: AnyCheck, operation: string): void {
  const type = check.resourceType;
  const scope = type === 'azure.entra.tenant-policy' ? tenantScope : undefined;
  const error = runCheck(check, [failed(type, operation, scope)]);
  expect(error.map((r) => r.status)).toEqual(['ERROR']);
  expect(error[0]?.error?.operation).toBe(operation);
  expect(runCheck(check, [list(type, [], scope)]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
}
