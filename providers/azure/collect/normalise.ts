import { seen, type Observed } from '../../../src/core/observed.js';
import type {
  AzureBackupProtectedItem,
  AzureFirewallRule,
  AzureGenericResource,
  AzureKeyVault,
  AzureManagedDisk,
  AzureNetworkSecurityGroup,
  AzureNsgRule,
  AzureSqlServer,
  AzureStorageAccount,
  AzureVirtualMachine,
  AzureVaultItem,
} from '../model/types.js';

/**
 * Turn what Resource Graph (ARM wire JSON, with `properties`) and the SDK clients (models with the
 * properties flattened, a few renamed) return into the model. Both shapes go through `flat()`
 * first, so each mapper reads one shape and names both spellings where the SDK renamed a field.
 */
export type Raw = Record<string, unknown>;

export function flat(value: unknown): Raw {
  const row = (value ?? {}) as Raw;
  const props = row['properties'];
  return props && typeof props === 'object' && !Array.isArray(props) ? { ...row, ...(props as Raw) } : row;
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const obj = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);
const iso = (v: unknown): string | null => {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return new Date(v * 1000).toISOString(); // Key Vault attributes are epoch seconds on the wire
  return str(v);
};

export interface Located {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly tags: Record<string, string>;
  readonly resourceGroup: string;
}

/** `/subscriptions/s/resourceGroups/RG/providers/...` -> `RG`. */
export const resourceGroupOf = (id: string): string => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
export const subscriptionOf = (id: string): string => /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase() ?? '';

export function located(r: Raw): Located {
  const id = str(r['id']) ?? '';
  const tags = Object.fromEntries(Object.entries(obj(r['tags'])).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  return {
    id,
    name: str(r['name']) ?? id.split('/').pop() ?? id,
    location: str(r['location']) ?? 'global',
    tags,
    resourceGroup: str(r['resourceGroup']) ?? resourceGroupOf(id),
  };
}

export function genericResource(r: Raw): AzureGenericResource {
  return { resourceType: str(r['type']) ?? '', resourceGroup: located(r).resourceGroup, kind: str(r['kind']) };
}

export function storageAccount(raw: unknown, blobService: AzureStorageAccount['blobService']): AzureStorageAccount {
  const r = flat(raw);
  const encryption = obj(r['encryption']);
  const acl = obj(r['networkAcls'] ?? r['networkRuleSet']);
  const kv = obj(encryption['keyVaultProperties'] ?? encryption['keyvaultproperties']);
  return {
    resourceGroup: located(r).resourceGroup,
    kind: str(r['kind']),
    httpsTrafficOnly: bool(r['supportsHttpsTrafficOnly'] ?? r['enableHttpsTrafficOnly']),
    minimumTlsVersion: str(r['minimumTlsVersion']),
    allowBlobPublicAccess: bool(r['allowBlobPublicAccess']),
    allowSharedKeyAccess: bool(r['allowSharedKeyAccess']),
    infrastructureEncryption: bool(encryption['requireInfrastructureEncryption']) ?? false,
    keySource: str(encryption['keySource']) ?? 'Microsoft.Storage',
    keyVaultUri: str(kv['keyvaulturi'] ?? kv['keyVaultUri']),
    networkDefaultAction: str(acl['defaultAction']),
    publicNetworkAccess: str(r['publicNetworkAccess']),
    blobService,
  };
}

export function managedDisk(raw: unknown): AzureManagedDisk {
  const r = flat(raw);
  const encryption = obj(r['encryption']);
  const ade = obj(r['encryptionSettingsCollection']);
  return {
    resourceGroup: located(r).resourceGroup,
    encryptionType: str(encryption['type']) ?? 'EncryptionAtRestWithPlatformKey',
    diskEncryptionSetId: str(encryption['diskEncryptionSetId']),
    adeEnabled: bool(ade['enabled']) ?? false,
    managedBy: str(r['managedBy']),
    diskState: str(r['diskState']),
    publicNetworkAccess: str(r['publicNetworkAccess']),
    networkAccessPolicy: str(r['networkAccessPolicy']),
  };
}

export function virtualMachine(raw: unknown): AzureVirtualMachine {
  const r = flat(raw);
  const security = obj(r['securityProfile']);
  const storage = obj(r['storageProfile']);
  return {
    resourceGroup: located(r).resourceGroup,
    vmId: str(r['vmId']),
    osType: str(obj(storage['osDisk'])['osType']),
    encryptionAtHost: bool(security['encryptionAtHost']) ?? false,
    identityType: str(obj(r['identity'])['type']),
  };
}

export function nsgRule(raw: unknown): AzureNsgRule {
  const r = flat(raw);
  const prefixes = [str(r['sourceAddressPrefix']), ...strings(r['sourceAddressPrefixes'])].filter((x): x is string => x !== null);
  const ports = [str(r['destinationPortRange']), ...strings(r['destinationPortRanges'])].filter((x): x is string => x !== null);
  return {
    name: str(r['name']) ?? '',
    priority: num(r['priority']) ?? 0,
    direction: str(r['direction']) ?? '',
    access: str(r['access']) ?? '',
    protocol: str(r['protocol']) ?? '*',
    sourcePrefixes: prefixes,
    destinationPorts: ports,
  };
}

export function networkSecurityGroup(raw: unknown): AzureNetworkSecurityGroup {
  const r = flat(raw);
  const rules = Array.isArray(r['securityRules']) ? (r['securityRules'] as unknown[]).map(nsgRule) : [];
  return { resourceGroup: located(r).resourceGroup, rules };
}

export function keyVault(raw: unknown, keys: Observed<readonly AzureVaultItem[]>, secrets: Observed<readonly AzureVaultItem[]>): AzureKeyVault {
  const r = flat(raw);
  return {
    resourceGroup: located(r).resourceGroup,
    // Soft delete has been on by default since 2020 and cannot be disabled: absent means on.
    softDelete: bool(r['enableSoftDelete']) ?? true,
    softDeleteRetentionDays: num(r['softDeleteRetentionInDays']),
    purgeProtection: bool(r['enablePurgeProtection']) ?? false,
    rbacAuthorization: bool(r['enableRbacAuthorization']) ?? false,
    publicNetworkAccess: str(r['publicNetworkAccess']),
    networkDefaultAction: str(obj(r['networkAcls'])['defaultAction']),
    keys,
    secrets,
  };
}

export function vaultItem(raw: unknown): AzureVaultItem {
  const r = flat(raw);
  const attributes = obj(r['attributes']);
  return {
    name: str(r['name']) ?? '',
    enabled: bool(attributes['enabled']) ?? true,
    expires: iso(attributes['expires'] ?? attributes['exp']),
  };
}

export function sqlServer(raw: unknown, auditing: AzureSqlServer['auditing'], firewallRules: AzureSqlServer['firewallRules']): AzureSqlServer {
  const r = flat(raw);
  return { resourceGroup: located(r).resourceGroup, publicNetworkAccess: str(r['publicNetworkAccess']), auditing, firewallRules };
}

export function sqlAuditing(raw: unknown): AzureSqlServer['auditing'] {
  const r = flat(raw);
  return seen({
    state: str(r['state']) ?? 'Disabled',
    retentionDays: num(r['retentionDays']) ?? 0,
    storageEndpoint: str(r['storageEndpoint']),
    logAnalytics: bool(r['isAzureMonitorTargetEnabled']) ?? false,
  });
}

export function firewallRule(raw: unknown): AzureFirewallRule {
  const r = flat(raw);
  return { name: str(r['name']) ?? '', startIpAddress: str(r['startIpAddress']) ?? '', endIpAddress: str(r['endIpAddress']) ?? '' };
}

/** `.../servers/<server>/databases/<db>` -> `<server>`. */
export const serverOfDatabase = (id: string): string => /\/servers\/([^/]+)\/databases\//i.exec(id)?.[1] ?? '';

export function protectedItem(raw: unknown): AzureBackupProtectedItem {
  const r = flat(raw);
  const id = str(r['id']) ?? '';
  return {
    vaultId: /^(.*\/vaults\/[^/]+)/i.exec(id)?.[1] ?? '',
    // Resource Graph rows also carry it as dataSourceInfo.resourceID.
    sourceResourceId: str(r['sourceResourceId']) ?? str(r['virtualMachineId']) ?? str(obj(r['dataSourceInfo'])['resourceID']) ?? '',
    workloadType: str(r['workloadType']) ?? str(r['protectedItemType']) ?? '',
    protectionState: str(r['protectionState']) ?? str(r['protectionStatus']) ?? 'Unknown',
    policyName: str(r['policyName']) ?? (str(r['policyId'])?.split('/').pop() ?? null),
    lastBackupTime: iso(r['lastBackupTime']),
  };
}
