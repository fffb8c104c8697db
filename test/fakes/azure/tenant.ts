import type { FakeResource, FakeSubscription, FakeTenant } from './server.js';

/** Wire-format builders for the Azure fake: what ARM and Resource Graph would answer. */
export const OWNER_ROLE = '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

export const subId = (n: number): string => `00000000-0000-0000-0000-${n.toString(16).padStart(12, '0')}`;

const rid = (sub: string, rg: string, type: string, name: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`;

export function storage(sub: string, rg: string, name: string, props: Record<string, unknown> = {}, tags?: Record<string, string>): FakeResource {
  return {
    id: rid(sub, rg, 'Microsoft.Storage/storageAccounts', name), name, type: 'Microsoft.Storage/storageAccounts', location: 'westeurope', kind: 'StorageV2', ...(tags ? { tags } : {}),
    properties: {
      supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false, allowSharedKeyAccess: false,
      encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: false }, networkAcls: { defaultAction: 'Deny' }, publicNetworkAccess: 'Enabled', ...props,
    },
  };
}

export function disk(sub: string, rg: string, name: string, attachedTo: string | null, encryption = 'EncryptionAtRestWithPlatformKey'): FakeResource {
  return {
    id: rid(sub, rg, 'Microsoft.Compute/disks', name), name, type: 'Microsoft.Compute/disks', location: 'westeurope',
    ...(attachedTo ? { managedBy: attachedTo } : {}),
    properties: { encryption: { type: encryption }, diskState: attachedTo ? 'Attached' : 'Unattached', diskSizeGB: 32 },
  };
}

export function vm(sub: string, rg: string, name: string): FakeResource {
  return {
    id: rid(sub, rg, 'Microsoft.Compute/virtualMachines', name), name, type: 'Microsoft.Compute/virtualMachines', location: 'westeurope', identity: { type: 'SystemAssigned' },
    properties: { vmId: `vm-${name}`, securityProfile: { encryptionAtHost: true }, storageProfile: { osDisk: { osType: 'Linux' } } },
  };
}

export function nsg(sub: string, rg: string, name: string, rules: { name: string; port: string; source: string }[]): FakeResource {
  return {
    id: rid(sub, rg, 'Microsoft.Network/networkSecurityGroups', name), name, type: 'Microsoft.Network/networkSecurityGroups', location: 'westeurope',
    properties: {
      securityRules: rules.map((r, i) => ({
        id: `${rid(sub, rg, 'Microsoft.Network/networkSecurityGroups', name)}/securityRules/${r.name}`,
        name: r.name,
        properties: { priority: 100 + i, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: r.source, sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: r.port },
      })),
    },
  };
}

export function vault(sub: string, rg: string, name: string, props: Record<string, unknown> = {}): FakeResource {
  return {
    id: rid(sub, rg, 'Microsoft.KeyVault/vaults', name), name, type: 'Microsoft.KeyVault/vaults', location: 'westeurope',
    properties: { tenantId: 't', sku: { family: 'A', name: 'standard' }, enableSoftDelete: true, enablePurgeProtection: true, enableRbacAuthorization: true, ...props },
  };
}

/** A key or secret as ARM lists it (attributes.exp in epoch seconds). */
export function vaultItem(vaultId: string, which: 'keys' | 'secrets', name: string, exp: number | null): FakeResource {
  return {
    id: `${vaultId}/${which}/${name}`, name, type: `Microsoft.KeyVault/vaults/${which}`,
    properties: { attributes: { enabled: true, ...(exp !== null ? { exp } : {}), created: 1_700_000_000 } },
  };
}

export function sqlServer(sub: string, rg: string, name: string, publicNetworkAccess: string): FakeResource {
  return { id: rid(sub, rg, 'Microsoft.Sql/servers', name), name, type: 'Microsoft.Sql/servers', location: 'westeurope', properties: { publicNetworkAccess, version: '12.0' } };
}

export function sqlDatabase(serverId: string, name: string): FakeResource {
  return { id: `${serverId}/databases/${name}`, name, type: 'Microsoft.Sql/servers/databases', location: 'westeurope', properties: { status: 'Online' } };
}

export function auditing(serverId: string, state: string, retentionDays = 0): FakeResource {
  return { id: `${serverId}/auditingSettings/default`, name: 'default', type: 'Microsoft.Sql/servers/auditingSettings', properties: { state, retentionDays, isAzureMonitorTargetEnabled: state === 'Enabled' } };
}

export function tde(databaseId: string, state: string): FakeResource {
  return { id: `${databaseId}/transparentDataEncryption/current`, name: 'current', type: 'Microsoft.Sql/servers/databases/transparentDataEncryption', properties: { state } };
}

export function protectedItem(vaultId: string, vmId: string, protectionState = 'Protected'): FakeResource {
  const name = `VM;iaasvmcontainerv2;rg;${vmId.split('/').pop()}`;
  return {
    id: `${vaultId}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg/protectedItems/${name}`, name, type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
    properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', workloadType: 'VM', sourceResourceId: vmId, virtualMachineId: vmId, protectionState, policyId: `${vaultId}/backupPolicies/DefaultPolicy`, policyName: 'DefaultPolicy' },
  };
}

export function roleAssignment(sub: string, n: number, principalId: string, roleDefinitionId = `/subscriptions/${sub}${OWNER_ROLE}`): FakeResource {
  return {
    id: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleAssignments/ra-${n}`, name: `ra-${n}`, type: 'Microsoft.Authorization/roleAssignments',
    properties: { roleDefinitionId, principalId, principalType: 'User', scope: `/subscriptions/${sub}` },
  };
}

export function customRole(sub: string, name: string, actions: string[]): FakeResource {
  return {
    id: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${name}`, name, type: 'Microsoft.Authorization/roleDefinitions',
    properties: { roleName: name, type: 'CustomRole', description: '', permissions: [{ actions, notActions: [] }], assignableScopes: [`/subscriptions/${sub}`] },
  };
}

export function activityLogExport(sub: string, categories: string[]): FakeResource {
  return {
    id: `/subscriptions/${sub}/providers/Microsoft.Insights/diagnosticSettings/export`, name: 'export', type: 'Microsoft.Insights/diagnosticSettings',
    properties: { workspaceId: `/subscriptions/${sub}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law`, logs: categories.map((category) => ({ category, enabled: true })) },
  };
}

export function pricing(sub: string, name: string, pricingTier: string): FakeResource {
  return { id: `/subscriptions/${sub}/providers/Microsoft.Security/pricings/${name}`, name, type: 'Microsoft.Security/pricings', properties: { pricingTier } };
}

export function genericResource(sub: string, rg: string, n: number, location = 'westeurope'): FakeResource {
  return { id: rid(sub, rg, 'Microsoft.Web/sites', `app-${n}`), name: `app-${n}`, type: 'Microsoft.Web/sites', location, tags: n % 3 === 0 ? {} : { owner: 'team' }, properties: {} };
}

/**
 * A generated tenant for the benchmark: `subscriptions` subscriptions sharing `resources`
 * resources, a typical mix (mostly generic resources, some of every collected type).
 */
export function generatedTenant(subscriptions: number, resources: number): FakeTenant {
  const perSub = Math.ceil(resources / subscriptions);
  const subs: FakeSubscription[] = [];
  for (let s = 1; s <= subscriptions; s++) {
    const sub = subId(s);
    const res: FakeResource[] = [];
    const children: FakeResource[] = [];
    const items: FakeResource[] = [];
    const rsv = rid(sub, 'rg-0', 'Microsoft.RecoveryServices/vaults', 'rsv');
    res.push({ id: rsv, name: 'rsv', type: 'Microsoft.RecoveryServices/vaults', location: 'westeurope', properties: {} });
    for (let i = 0; res.length < perSub; i++) {
      const rg = `rg-${i % 10}`;
      switch (i % 25) {
        case 0: res.push(storage(sub, rg, `st${s}x${i}`)); break;
        case 1: { const v = vm(sub, rg, `vm-${i}`); res.push(v, disk(sub, rg, `disk-${i}`, v.id)); if (i % 2 === 0) items.push(protectedItem(rsv, v.id)); break; }
        case 2: res.push(nsg(sub, rg, `nsg-${i}`, [{ name: 'https', port: '443', source: 'Internet' }])); break;
        case 3: if (i % 50 === 3) { const kv = vault(sub, rg, `kv-${s}-${i}`); res.push(kv); children.push(vaultItem(kv.id, 'keys', 'k', 1_900_000_000), vaultItem(kv.id, 'secrets', 's', null)); } else res.push(genericResource(sub, rg, i)); break;
        case 4: if (i % 100 === 4) { const srv = sqlServer(sub, rg, `sql-${s}-${i}`, 'Disabled'); const db = sqlDatabase(srv.id, 'orders'); res.push(srv, db); children.push(auditing(srv.id, 'Enabled'), tde(db.id, 'Enabled')); } else res.push(genericResource(sub, rg, i)); break;
        default: res.push(genericResource(sub, rg, i));
      }
    }
    children.push(roleAssignment(sub, 1, 'owner-a'), roleAssignment(sub, 2, 'owner-b'), activityLogExport(sub, ['Administrative', 'Security', 'Alert', 'Policy']), pricing(sub, 'VirtualMachines', 'Standard'), pricing(sub, 'StorageAccounts', 'Free'), pricing(sub, 'SqlServers', 'Standard'));
    subs.push({ id: sub, name: `sub-${s}`, resourceGroups: Array.from({ length: 10 }, (_, i) => ({ name: `rg-${i}`, location: 'westeurope', tags: { owner: 'team' } })), resources: res, children, protectedItems: items });
  }
  return {
    tenantId: '11111111-1111-1111-1111-111111111111',
    subscriptions: subs,
    users: Array.from({ length: 200 }, (_, i) => ({ userPrincipalName: `user${i}@contoso.com`, isAdmin: i < 5, isMfaRegistered: i % 7 !== 0 })),
  };
}

/**
 * An assignment of a built-in Azure Policy definition (`definition`: its GUID) on `scope`, with the
 * `tagName` / `tagValue` parameters of the "require a tag" definitions.
 */
export function policyAssignment(scope: string, name: string, definition: string, parameters: Record<string, string>, opts: { notScopes?: string[]; enforcementMode?: string; displayName?: string } = {}): FakeResource {
  return {
    id: `${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`, name, type: 'Microsoft.Authorization/policyAssignments',
    properties: {
      displayName: opts.displayName ?? name,
      policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${definition}`,
      scope,
      notScopes: opts.notScopes ?? [],
      parameters: Object.fromEntries(Object.entries(parameters).map(([k, value]) => [k, { value }])),
      enforcementMode: opts.enforcementMode ?? 'Default',
    },
  };
}
