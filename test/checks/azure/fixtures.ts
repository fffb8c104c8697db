import { collectionError, seen, unseen, type CollectionError, type Observed } from '../../../src/core/observed.js';
import { GLOBAL_REGION, type Resource, type ResourceType, type Scope } from '../../../src/core/resource.js';
import type { Listing } from '../../../src/core/inventory.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import { tagAssignment as normalise } from '../../../providers/azure/collect/kinds/policy.js';
import { policyAssignment } from '../../fakes/azure/tenant.js';
import type {
  AzureBackupProtectedItem,
  AzureCustomRole,
  AzureEntraUser,
  AzureGenericResource,
  AzureKeyVault,
  AzureManagedDisk,
  AzureNetworkSecurityGroup,
  AzureSqlDatabase,
  AzureSqlServer,
  AzureStorageAccount,
  AzureSubscription,
  AzureVirtualMachine,
} from '../../../providers/azure/model/types.js';

/** Compact builders for Azure check tests: compliant defaults, overridden per case. */
export const SUB = '00000000-0000-0000-0000-0000000000a1';
export const TENANT = '11111111-1111-1111-1111-111111111111';
export const scope: Scope = { provider: 'azure', account: SUB, accountName: 'contoso-prod', region: GLOBAL_REGION };
export const tenantScope: Scope = { provider: 'azure', account: TENANT, accountName: 'Entra ID tenant', region: GLOBAL_REGION };

export const denied = (operation: string): CollectionError =>
  collectionError('ACCESS_DENIED', operation, 'AuthorizationFailed', { provider: 'azure', account: SUB });
export const deniedFact = <T>(operation: string): Observed<T> => unseen(denied(operation));

const armId = (provider: string, name: string, rg = 'rg-app'): string =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${provider}/${name}`;

function make<T extends ResourceType>(type: T, id: string, name: string, data: Resource<T>['data'], tags: Record<string, string> = {}, region = 'westeurope', account = SUB): Resource<T> {
  return resource(type, { provider: 'azure', account, region }, { id, name, tags, data });
}

export const list = <T extends ResourceType>(type: T, items: Resource<T>[], s: Scope = scope): Listing<T> => listing(s, type, items);
export const failed = <T extends ResourceType>(type: T, operation: string, s: Scope = scope): Listing<T> => failedListing(s, type, denied(operation));

export function subscription(data: Partial<AzureSubscription> = {}): Resource<'azure.subscription'> {
  return make('azure.subscription', `/subscriptions/${SUB}`, 'contoso-prod', {
    subscriptionId: SUB,
    displayName: 'contoso-prod',
    state: 'Enabled',
    ownerAssignments: seen([
      { principalId: 'p1', principalType: 'User', scope: `/subscriptions/${SUB}`, roleDefinitionId: 'owner' },
      { principalId: 'p2', principalType: 'Group', scope: `/subscriptions/${SUB}`, roleDefinitionId: 'owner' },
    ]),
    activityLogSettings: seen([
      {
        name: 'to-law',
        storageAccountId: null,
        workspaceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law',
        eventHubAuthorizationRuleId: null,
        marketplacePartnerId: null,
        logs: ['Administrative', 'Security', 'Alert', 'Policy'].map((category) => ({ category, enabled: true, retentionDays: null })),
      },
    ]),
    defenderPlans: seen(['VirtualMachines', 'StorageAccounts', 'SqlServers'].map((name) => ({ name, pricingTier: 'Standard', subPlan: null }))),
    ...data,
  }, {}, GLOBAL_REGION);
}

export function customRole(name: string, actions: string[]): Resource<'azure.authorization.custom-role'> {
  const data: AzureCustomRole = { roleName: name, description: null, actions, notActions: [], assignableScopes: [`/subscriptions/${SUB}`] };
  return make('azure.authorization.custom-role', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${name}`, name, data, {}, GLOBAL_REGION);
}

export function user(upn: string, data: Partial<AzureEntraUser> = {}): Resource<'azure.entra.user'> {
  return make('azure.entra.user', `${TENANT}/users/${upn}`, upn, {
    userPrincipalName: upn, displayName: null, userType: 'member', isAdmin: false, isMfaRegistered: true, isMfaCapable: true, methodsRegistered: ['microsoftAuthenticatorPush'], ...data,
  }, {}, GLOBAL_REGION, TENANT);
}

/** A "require a tag" assignment as the collector reads it from the wire (`definition`: the built-in's GUID); on the subscription unless `scope` says. */
export function tagAssignment(name: string, definition: string, parameters: Record<string, string>, opts: { scope?: string; notScopes?: string[]; enforcementMode?: string } = {}): Resource<'azure.policy.tag-assignment'> {
  const row = policyAssignment(opts.scope ?? `/subscriptions/${SUB}`, name, definition, parameters, opts);
  return make('azure.policy.tag-assignment', row.id, name, normalise(row as unknown as Record<string, unknown>)!, {}, GLOBAL_REGION);
}

export function resourceGroup(name: string, tags: Record<string, string> = {}): Resource<'azure.resources.resource-group'> {
  return make('azure.resources.resource-group', `/subscriptions/${SUB}/resourceGroups/${name}`, name, { managedBy: null }, tags);
}

export function genericResource(name: string, tags: Record<string, string> = {}, location = 'westeurope', data: Partial<AzureGenericResource> = {}): Resource<'azure.resources.resource'> {
  return make('azure.resources.resource', armId('Microsoft.Web/sites', name), name, { resourceType: 'Microsoft.Web/sites', resourceGroup: 'rg-app', kind: null, ...data }, tags, location);
}

export function storageAccount(name: string, data: Partial<AzureStorageAccount> = {}): Resource<'azure.storage.account'> {
  return make('azure.storage.account', armId('Microsoft.Storage/storageAccounts', name), name, {
    resourceGroup: 'rg-app', kind: 'StorageV2', httpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false, allowSharedKeyAccess: false,
    infrastructureEncryption: true, keySource: 'Microsoft.Keyvault', keyVaultUri: 'https://kv.vault.azure.net', networkDefaultAction: 'Deny', publicNetworkAccess: 'Enabled',
    blobService: seen({ blobSoftDeleteDays: 14, containerSoftDeleteDays: 14, versioning: true }), ...data,
  });
}

export function disk(name: string, data: Partial<AzureManagedDisk> = {}): Resource<'azure.compute.disk'> {
  return make('azure.compute.disk', armId('Microsoft.Compute/disks', name), name, {
    resourceGroup: 'rg-app', encryptionType: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: '/des/1', adeEnabled: false, managedBy: armId('Microsoft.Compute/virtualMachines', 'vm1'), diskState: 'Attached',
    publicNetworkAccess: 'Disabled', networkAccessPolicy: 'DenyAll', ...data,
  });
}

export function vm(name: string, data: Partial<AzureVirtualMachine> = {}): Resource<'azure.compute.vm'> {
  return make('azure.compute.vm', armId('Microsoft.Compute/virtualMachines', name), name, { resourceGroup: 'rg-app', vmId: null, osType: 'Linux', encryptionAtHost: true, identityType: null, ...data });
}

export function protectedItem(vmName: string, data: Partial<AzureBackupProtectedItem> = {}): Resource<'azure.backup.protected-item'> {
  const source = armId('Microsoft.Compute/virtualMachines', vmName).toLowerCase();
  return make('azure.backup.protected-item', `/vault/items/${vmName}`, vmName, {
    vaultId: '/vault', sourceResourceId: source, workloadType: 'VM', protectionState: 'Protected', policyName: 'DefaultPolicy', lastBackupTime: null, ...data,
  });
}

export function nsg(name: string, rules: AzureNetworkSecurityGroup['rules']): Resource<'azure.network.nsg'> {
  return make('azure.network.nsg', armId('Microsoft.Network/networkSecurityGroups', name), name, { resourceGroup: 'rg-app', rules });
}

export const rule = (name: string, over: Partial<AzureNetworkSecurityGroup['rules'][number]> = {}): AzureNetworkSecurityGroup['rules'][number] => ({
  name, priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourcePrefixes: ['10.0.0.0/8'], destinationPorts: ['443'], ...over,
});

export function vault(name: string, data: Partial<AzureKeyVault> = {}): Resource<'azure.keyvault.vault'> {
  return make('azure.keyvault.vault', armId('Microsoft.KeyVault/vaults', name), name, {
    resourceGroup: 'rg-app', softDelete: true, softDeleteRetentionDays: 90, purgeProtection: true, rbacAuthorization: true, publicNetworkAccess: 'Enabled', networkDefaultAction: 'Deny',
    keys: seen([{ name: 'k1', enabled: true, expires: '2027-01-01T00:00:00Z' }]),
    secrets: seen([{ name: 's1', enabled: true, expires: '2027-01-01T00:00:00Z' }]),
    ...data,
  });
}

export function sqlServer(name: string, data: Partial<AzureSqlServer> = {}): Resource<'azure.sql.server'> {
  return make('azure.sql.server', armId('Microsoft.Sql/servers', name), name, {
    resourceGroup: 'rg-app', publicNetworkAccess: 'Disabled', auditing: seen({ state: 'Enabled', retentionDays: 0, storageEndpoint: null, logAnalytics: true }),
    firewallRules: seen([{ name: 'office', startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.255' }]), ...data,
  });
}

export function sqlDatabase(name: string, data: Partial<AzureSqlDatabase> = {}): Resource<'azure.sql.database'> {
  return make('azure.sql.database', armId('Microsoft.Sql/servers', `sql1/databases/${name}`), name, { resourceGroup: 'rg-app', serverName: 'sql1', tde: seen('Enabled'), ...data });
}
