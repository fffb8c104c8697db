import type { Listing } from '../../src/core/inventory.js';
import { seen, unseen, collectionError } from '../../src/core/observed.js';
import type { Policy } from '../../src/core/policy.js';
import { GLOBAL_REGION, type Resource, type ResourceType, type Scope } from '../../src/core/resource.js';
import { listing, resource } from '../../src/inventory/build.js';
import { serviceListings } from './demo-services.js';
import type {
  AzureKeyVault,
  AzureManagedDisk,
  AzureNsgRule,
  AzureStorageAccount,
} from './model/types.js';

/**
 * The demo organisation's Azure side: one subscription, `contoso-prod`, mostly in West Europe with
 * a few things in East US, and its Entra tenant. For every duty there is at least one compliant
 * and one non-compliant resource, and one vault whose secrets could not be read (an ERROR).
 */
/** The demo organisation's Azure rules: tags every resource must carry, and where data may live. */
export const azureDemoPolicy: Policy = {
  requiredTags: [
    { key: 'owner', resourceTypes: ['azure.*'] },
    { key: 'cost-center', pattern: 'CC-[0-9]{4}', resourceTypes: ['azure.resources.resource-group'] },
  ],
  allowedRegions: { azure: ['westeurope', 'northeurope'] },
  criticalResources: [],
};

const SUB = '00000000-0000-0000-0000-0000000000a1';
const TENANT = '00000000-0000-0000-0000-00000000c0de';
const DAY = 86_400_000;

const subScope: Scope = { provider: 'azure', account: SUB, accountName: 'contoso-prod', region: GLOBAL_REGION };
const tenantScope: Scope = { provider: 'azure', account: TENANT, accountName: 'Entra ID tenant', region: GLOBAL_REGION };

const id = (rg: string, type: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${type}/${name}`;

function make<T extends ResourceType>(type: T, rid: string, name: string, data: Resource<T>['data'], opts: { region?: string; tags?: Record<string, string>; account?: string } = {}): Resource<T> {
  return resource(type, { provider: 'azure', account: opts.account ?? SUB, region: opts.region ?? 'westeurope' }, { id: rid, name, tags: opts.tags ?? {}, data });
}

const owned = { owner: 'payments', 'cost-center': '4711' };

function storage(name: string, over: Partial<AzureStorageAccount>, tags: Record<string, string> = owned, region = 'westeurope'): Resource<'azure.storage.account'> {
  return make('azure.storage.account', id('rg-payments', 'Microsoft.Storage/storageAccounts', name), name, {
    resourceGroup: 'rg-payments', kind: 'StorageV2', httpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false, allowSharedKeyAccess: false,
    infrastructureEncryption: true, keySource: 'Microsoft.Keyvault', keyVaultUri: 'https://kv-payments.vault.azure.net', networkDefaultAction: 'Deny', publicNetworkAccess: 'Enabled',
    blobService: seen({ blobSoftDeleteDays: 14, containerSoftDeleteDays: 14, versioning: true }), ...over,
  }, { region, tags });
}

function disk(name: string, over: Partial<AzureManagedDisk>): Resource<'azure.compute.disk'> {
  return make('azure.compute.disk', id('rg-payments', 'Microsoft.Compute/disks', name), name, {
    resourceGroup: 'rg-payments', encryptionType: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: id('rg-payments', 'Microsoft.Compute/diskEncryptionSets', 'des-payments'),
    adeEnabled: false, managedBy: id('rg-payments', 'Microsoft.Compute/virtualMachines', 'vm-api'), diskState: 'Attached',
    publicNetworkAccess: 'Disabled', networkAccessPolicy: 'DenyAll', ...over,
  });
}

const rule = (name: string, priority: number, source: string, port: string): AzureNsgRule => ({
  name, priority, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourcePrefixes: [source], destinationPorts: [port],
});

function vault(name: string, over: Partial<AzureKeyVault>): Resource<'azure.keyvault.vault'> {
  return make('azure.keyvault.vault', id('rg-payments', 'Microsoft.KeyVault/vaults', name), name, {
    resourceGroup: 'rg-payments', softDelete: true, softDeleteRetentionDays: 90, purgeProtection: true, rbacAuthorization: true, publicNetworkAccess: 'Disabled', networkDefaultAction: 'Deny',
    keys: seen([]), secrets: seen([]), ...over,
  }, { tags: owned });
}

export function azureDemo(now: Date): Listing[] {
  const inDays = (d: number) => new Date(now.getTime() + d * DAY).toISOString();
  const vmApi = id('rg-payments', 'Microsoft.Compute/virtualMachines', 'vm-api');
  const vmBatch = id('rg-payments', 'Microsoft.Compute/virtualMachines', 'vm-batch');
  const rsv = id('rg-ops', 'Microsoft.RecoveryServices/vaults', 'rsv-prod');
  const sql = id('rg-payments', 'Microsoft.Sql/servers', 'sql-payments');
  const sqlLegacy = id('rg-legacy', 'Microsoft.Sql/servers', 'sql-legacy');

  const generic = (rg: string, type: string, name: string, region: string, tags: Record<string, string>) =>
    make('azure.resources.resource', id(rg, type, name), name, { resourceType: type, resourceGroup: rg, kind: null }, { region, tags });

  return [
    listing(subScope, 'azure.subscription', [
      make('azure.subscription', `/subscriptions/${SUB}`, 'contoso-prod', {
        subscriptionId: SUB,
        displayName: 'contoso-prod',
        state: 'Enabled',
        // Four owners: one too many.
        ownerAssignments: seen(['alice', 'bob', 'carol', 'deploy-sp'].map((p, i) => ({
          principalId: p, principalType: i === 3 ? 'ServicePrincipal' : 'User', scope: `/subscriptions/${SUB}`, roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
        }))),
        activityLogSettings: seen([{
          name: 'to-sentinel', storageAccountId: null, eventHubAuthorizationRuleId: null, marketplacePartnerId: null,
          workspaceId: id('rg-ops', 'Microsoft.OperationalInsights/workspaces', 'law-sentinel'),
          logs: ['Administrative', 'Security', 'Alert', 'Policy'].map((category) => ({ category, enabled: true, retentionDays: null })),
        }]),
        defenderPlans: seen([
          { name: 'VirtualMachines', pricingTier: 'Standard', subPlan: 'P2' },
          { name: 'StorageAccounts', pricingTier: 'Free', subPlan: null },
          { name: 'SqlServers', pricingTier: 'Standard', subPlan: null },
        ]),
      }, { region: GLOBAL_REGION }),
    ]),
    listing(subScope, 'azure.authorization.custom-role', [
      make('azure.authorization.custom-role', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/vm-operator`, 'VM Operator', {
        roleName: 'VM Operator', description: 'Start and stop VMs', actions: ['Microsoft.Compute/virtualMachines/start/action', 'Microsoft.Compute/virtualMachines/deallocate/action', 'Microsoft.Compute/*/read'], notActions: [], assignableScopes: [`/subscriptions/${SUB}`],
      }, { region: GLOBAL_REGION }),
      make('azure.authorization.custom-role', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/platform-admin`, 'Platform Admin', {
        roleName: 'Platform Admin', description: 'Everything, for the platform team', actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete'], assignableScopes: [`/subscriptions/${SUB}`],
      }, { region: GLOBAL_REGION }),
    ]),
    listing(subScope, 'azure.resources.resource-group', [
      make('azure.resources.resource-group', `/subscriptions/${SUB}/resourceGroups/rg-payments`, 'rg-payments', { managedBy: null }, { tags: owned }),
      make('azure.resources.resource-group', `/subscriptions/${SUB}/resourceGroups/rg-legacy`, 'rg-legacy', { managedBy: null }, { region: 'eastus' }),
    ]),
    listing(subScope, 'azure.resources.resource', [
      generic('rg-payments', 'Microsoft.Storage/storageAccounts', 'stpayments', 'westeurope', owned),
      generic('rg-payments', 'Microsoft.Web/sites', 'app-checkout', 'westeurope', owned),
      generic('rg-payments', 'Microsoft.Compute/virtualMachines', 'vm-api', 'westeurope', owned),
      generic('rg-legacy', 'Microsoft.Storage/storageAccounts', 'stlegacyexport', 'eastus', {}),
      generic('rg-legacy', 'Microsoft.Sql/servers', 'sql-legacy', 'eastus', { owner: 'data' }),
      generic('rg-ops', 'Microsoft.Network/dnszones', 'contoso.example', 'global', owned),
    ]),
    listing(subScope, 'azure.storage.account', [
      storage('stpayments', {}),
      storage('stlegacyexport', {
        httpsTrafficOnly: false, minimumTlsVersion: 'TLS1_0', allowBlobPublicAccess: true, allowSharedKeyAccess: null,
        infrastructureEncryption: false, keySource: 'Microsoft.Storage', keyVaultUri: null, networkDefaultAction: 'Allow',
        blobService: seen({ blobSoftDeleteDays: 3, containerSoftDeleteDays: null, versioning: false }),
      }, {}, 'eastus'),
    ]),
    listing(subScope, 'azure.compute.disk', [
      disk('vm-api-os', {}),
      disk('vm-batch-os', { encryptionType: 'EncryptionAtRestWithPlatformKey', diskEncryptionSetId: null, managedBy: vmBatch }),
      disk('old-export-data', { encryptionType: 'EncryptionAtRestWithPlatformKey', diskEncryptionSetId: null, managedBy: null, diskState: 'Unattached', publicNetworkAccess: 'Enabled', networkAccessPolicy: 'AllowAll' }),
    ]),
    listing(subScope, 'azure.compute.vm', [
      make('azure.compute.vm', vmApi, 'vm-api', { resourceGroup: 'rg-payments', vmId: 'a1', osType: 'Linux', encryptionAtHost: true, identityType: 'SystemAssigned' }, { tags: owned }),
      make('azure.compute.vm', vmBatch, 'vm-batch', { resourceGroup: 'rg-payments', vmId: 'a2', osType: 'Windows', encryptionAtHost: false, identityType: null }, { tags: owned }),
    ]),
    listing(subScope, 'azure.backup.protected-item', [
      make('azure.backup.protected-item', `${rsv}/backupFabrics/Azure/protectionContainers/iaasvmcontainerv2;rg-payments;vm-api/protectedItems/vm;iaasvmcontainerv2;rg-payments;vm-api`, 'vm-api', {
        vaultId: rsv, sourceResourceId: vmApi, workloadType: 'VM', protectionState: 'Protected', policyName: 'daily-35d', lastBackupTime: inDays(-1),
      }),
    ]),
    listing(subScope, 'azure.network.nsg', [
      make('azure.network.nsg', id('rg-payments', 'Microsoft.Network/networkSecurityGroups', 'nsg-web'), 'nsg-web', {
        resourceGroup: 'rg-payments', rules: [rule('allow-https', 100, 'Internet', '443'), rule('allow-ssh-vpn', 110, '10.20.0.0/16', '22')],
      }),
      make('azure.network.nsg', id('rg-payments', 'Microsoft.Network/networkSecurityGroups', 'nsg-batch'), 'nsg-batch', {
        resourceGroup: 'rg-payments', rules: [rule('allow-rdp-anywhere', 100, '*', '3389')],
      }),
    ]),
    listing(subScope, 'azure.keyvault.vault', [
      vault('kv-payments', {
        keys: seen([{ name: 'cmk-storage', enabled: true, expires: inDays(300) }]),
        secrets: seen([{ name: 'stripe-api-key', enabled: true, expires: inDays(60) }]),
      }),
      vault('kv-legacy', {
        softDelete: true, purgeProtection: false, rbacAuthorization: false, publicNetworkAccess: 'Enabled', networkDefaultAction: 'Allow',
        keys: seen([{ name: 'legacy-signing', enabled: true, expires: null }]),
        secrets: seen([{ name: 'ftp-password', enabled: true, expires: null }]),
      }),
      vault('kv-restricted', {
        secrets: unseen(collectionError('ACCESS_DENIED', 'Microsoft.KeyVault/vaults/secrets/read', 'HTTP 403 AuthorizationFailed', { provider: 'azure', account: SUB })),
      }),
    ]),
    listing(subScope, 'azure.sql.server', [
      make('azure.sql.server', sql, 'sql-payments', {
        resourceGroup: 'rg-payments', publicNetworkAccess: 'Disabled', auditing: seen({ state: 'Enabled', retentionDays: 0, storageEndpoint: null, logAnalytics: true }),
        firewallRules: seen([{ name: 'office', startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.255' }]),
      }, { tags: owned }),
      make('azure.sql.server', sqlLegacy, 'sql-legacy', {
        resourceGroup: 'rg-legacy', publicNetworkAccess: 'Enabled', auditing: seen({ state: 'Disabled', retentionDays: 0, storageEndpoint: null, logAnalytics: false }),
        firewallRules: seen([
          { name: 'AllowAllWindowsAzureIps', startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' },
          { name: 'temp-vendor-access', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' },
        ]),
      }, { region: 'eastus' }),
    ]),
    listing(subScope, 'azure.sql.database', [
      make('azure.sql.database', `${sql}/databases/orders`, 'orders', { resourceGroup: 'rg-payments', serverName: 'sql-payments', tde: seen('Enabled') }),
      make('azure.sql.database', `${sqlLegacy}/databases/archive`, 'archive', { resourceGroup: 'rg-legacy', serverName: 'sql-legacy', tde: seen('Disabled') }, { region: 'eastus' }),
    ]),
    ...serviceListings(subScope, tenantScope),
    // The demo organisation assigns no "require a tag" policy: its tag rules are the config's.
    listing(subScope, 'azure.policy.tag-assignment', []),
    listing(tenantScope, 'azure.entra.user', [
      ['alice@contoso.example', true, true],
      ['bob@contoso.example', true, false],
      ['dana@contoso.example', false, true],
      ['erik@contoso.example', false, false],
    ].map(([upn, isAdmin, mfa]) =>
      make('azure.entra.user', `${TENANT}/users/${upn}`, String(upn), {
        userPrincipalName: String(upn), displayName: null, userType: 'member', isAdmin: Boolean(isAdmin), isMfaRegistered: Boolean(mfa), isMfaCapable: Boolean(mfa),
        methodsRegistered: mfa ? ['microsoftAuthenticatorPush'] : [],
      }, { region: GLOBAL_REGION, account: TENANT }),
    )),
  ];
}
