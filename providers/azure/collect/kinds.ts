import { getContinuationToken as networkToken } from '@azure/arm-network';
import { getContinuationToken as backupToken } from '@azure/arm-recoveryservicesbackup';
import { getContinuationToken as resourcesToken } from '@azure/arm-resources';
import { getContinuationToken as sqlToken } from '@azure/arm-sql';
import type { Resource, ResourceType } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import { unseen, type Observed } from '../../../src/core/observed.js';
import '../model/types.js';
import type { AzureVaultItem } from '../model/types.js';
import { callAzure, listAll, type CallerOptions } from './calls.js';
import type { AzureClients } from './clients.js';
import { firewallRules } from './kinds/firewall.js';
import { SERVICE_KINDS } from './kinds/index.js';
import { tagAssignments } from './kinds/policy.js';
import { blobService } from './kinds/storage.js';
import { make, mapLimited, observe, op, page, raws } from './kinds/support.js';
import * as n from './normalise.js';
import type { BlindSpot } from './coverage.js';
import type { GraphQueryName } from './resourcegraph.js';

/**
 * One collectable resource type: where Resource Graph keeps it, how the per-service ARM client
 * lists it when Resource Graph is not used, and how a row becomes a resource (with the per-resource
 * ARM reads Resource Graph does not hold: vault items, SQL auditing and TDE).
 */
export interface KindContext {
  readonly opts: CallerOptions;
  readonly clients: AzureClients;
  readonly subscription: string;
  readonly keyVaultItems: boolean;
  /** The management groups above the subscription (names, lower case), when Resource Graph told; else unknown. */
  readonly managementGroups?: readonly string[];
}

export interface Kind<T extends ResourceType = ResourceType> {
  readonly type: T;
  readonly query: GraphQueryName;
  /** The RBAC action that lists it: what a denied listing tells the operator to grant. */
  readonly operation: string;
  /** Its ARM resource type (`*` for every type): which resource-scoped deny assignment can hide it. */
  readonly armType: string;
  /**
   * The reads without which its rows silently vanish from a bulk answer (Resource Graph, an ARM
   * listing across the subscription): the row's own read, `*\/read` for a listing of every type.
   */
  readonly reads: readonly string[];
  /** More such reads on the ARM path: the parents it lists first (SQL servers before their databases). */
  readonly armReads?: readonly string[];
  /** Its ARM type in lower case, when its query carries several types (see ROUTED in resourcegraph.ts). */
  readonly graphType?: string;
  arm(ctx: KindContext): Promise<n.Raw[]>;
  build(rows: readonly n.Raw[], ctx: KindContext): Promise<Resource<T>[]>;
  /**
   * For a kind whose rows in one part of the subscription (a resource group, a resource) bear on
   * that part alone: the part the identity may not read as a row of the listing, so its ERROR
   * reaches only what is inside it instead of failing the type for the whole subscription.
   */
  unreadPart?(spot: BlindSpot & { readonly part: string }, ctx: KindContext): Resource<T>;
}

export const resourceGroups: Kind<'azure.resources.resource-group'> = {
  type: 'azure.resources.resource-group',
  query: 'resourceGroups',
  operation: 'Microsoft.Resources/subscriptions/resourceGroups/read',
  armType: 'Microsoft.Resources/resourceGroups',
  reads: ['Microsoft.Resources/subscriptions/resourceGroups/read'],
  arm: async (ctx) => raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Resources/subscriptions/resourceGroups/read'), (t, signal) => ctx.clients.resources(ctx.subscription).resourceGroups.list({ abortSignal: signal }).byPage(page(t)), resourcesToken)),
  build: async (rows, ctx) => rows.map((r) => make('azure.resources.resource-group', ctx, r, { managedBy: typeof r['managedBy'] === 'string' ? r['managedBy'] : null })),
};

export const genericResources: Kind<'azure.resources.resource'> = {
  type: 'azure.resources.resource',
  query: 'resources',
  operation: 'Microsoft.Resources/subscriptions/resources/read',
  armType: '*',
  reads: ['*/read'],
  arm: async (ctx) => raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Resources/subscriptions/resources/read'), (t, signal) => ctx.clients.resources(ctx.subscription).resources.list({ abortSignal: signal }).byPage(page(t)), resourcesToken)),
  build: async (rows, ctx) => rows.map((r) => make('azure.resources.resource', ctx, r, n.genericResource(r))),
};

export const storageAccounts: Kind<'azure.storage.account'> = {
  type: 'azure.storage.account',
  query: 'storageAccounts',
  operation: 'Microsoft.Storage/storageAccounts/read',
  armType: 'Microsoft.Storage/storageAccounts',
  reads: ['Microsoft.Storage/storageAccounts/read'],
  arm: async (ctx) => raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Storage/storageAccounts/read'), (t, signal) => ctx.clients.storage(ctx.subscription).storageAccounts.list({ abortSignal: signal }).byPage(page(t)))),
  build: (rows, ctx) => mapLimited(rows, async (r) => make('azure.storage.account', ctx, r, n.storageAccount(r, await blobService(ctx, n.flat(r))))),
};

export const disks: Kind<'azure.compute.disk'> = {
  type: 'azure.compute.disk',
  query: 'disks',
  operation: 'Microsoft.Compute/disks/read',
  armType: 'Microsoft.Compute/disks',
  reads: ['Microsoft.Compute/disks/read'],
  arm: async (ctx) => raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Compute/disks/read'), (t, signal) => ctx.clients.compute(ctx.subscription).disks.list({ abortSignal: signal }).byPage(page(t)))),
  build: async (rows, ctx) => rows.map((r) => make('azure.compute.disk', ctx, r, n.managedDisk(r))),
};

export const virtualMachines: Kind<'azure.compute.vm'> = {
  type: 'azure.compute.vm',
  query: 'virtualMachines',
  operation: 'Microsoft.Compute/virtualMachines/read',
  armType: 'Microsoft.Compute/virtualMachines',
  reads: ['Microsoft.Compute/virtualMachines/read'],
  arm: async (ctx) => raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Compute/virtualMachines/read'), (t, signal) => ctx.clients.compute(ctx.subscription).virtualMachines.listAll({ abortSignal: signal }).byPage(page(t)))),
  build: async (rows, ctx) => rows.map((r) => make('azure.compute.vm', ctx, r, n.virtualMachine(r))),
};

export const networkSecurityGroups: Kind<'azure.network.nsg'> = {
  type: 'azure.network.nsg',
  query: 'networkSecurityGroups',
  operation: 'Microsoft.Network/networkSecurityGroups/read',
  armType: 'Microsoft.Network/networkSecurityGroups',
  reads: ['Microsoft.Network/networkSecurityGroups/read'],
  arm: async (ctx) => raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Network/networkSecurityGroups/read'), (t, signal) => ctx.clients.network(ctx.subscription).networkSecurityGroups.listAll({ abortSignal: signal }).byPage(page(t)), networkToken)),
  build: async (rows, ctx) => rows.map((r) => make('azure.network.nsg', ctx, r, n.networkSecurityGroup(r))),
};

async function vaultItems(ctx: KindContext, which: 'keys' | 'secrets', group: string, vault: string): Promise<Observed<readonly AzureVaultItem[]>> {
  const operation = `Microsoft.KeyVault/vaults/${which}/read`;
  return observe(ctx, operation, async () => {
    const client = ctx.clients.keyVault(ctx.subscription);
    const items = await listAll(ctx.opts, op(ctx, operation), (t, signal) =>
      (which === 'keys' ? client.keys.list(group, vault, { abortSignal: signal }) : client.secrets.list(group, vault, { abortSignal: signal })).byPage(page(t)) as AsyncIterableIterator<unknown[]>,
    );
    return items.map(n.vaultItem);
  });
}

export const keyVaults: Kind<'azure.keyvault.vault'> = {
  type: 'azure.keyvault.vault',
  query: 'keyVaults',
  operation: 'Microsoft.KeyVault/vaults/read',
  armType: 'Microsoft.KeyVault/vaults',
  reads: ['Microsoft.KeyVault/vaults/read'],
  arm: async (ctx) => raws(await listAll(ctx.opts, op(ctx, 'Microsoft.KeyVault/vaults/read'), (t, signal) => ctx.clients.keyVault(ctx.subscription).vaults.listBySubscription({ abortSignal: signal }).byPage(page(t)))),
  build: (rows, ctx) =>
    mapLimited(rows, async (r) => {
      const { resourceGroup, name } = n.located(r);
      const skipped = unseen<readonly AzureVaultItem[]>({ code: 'NOT_ENABLED', operation: 'Microsoft.KeyVault/vaults/keys/read', message: 'providers.azure.keyVaultItems is off', provider: 'azure', account: ctx.subscription });
      const [keys, secrets] = ctx.keyVaultItems
        ? await Promise.all([vaultItems(ctx, 'keys', resourceGroup, name), vaultItems(ctx, 'secrets', resourceGroup, name)])
        : [skipped, skipped];
      return make('azure.keyvault.vault', ctx, r, n.keyVault(r, keys, secrets));
    }),
};

export const sqlServers: Kind<'azure.sql.server'> = {
  type: 'azure.sql.server',
  query: 'sqlServers',
  operation: 'Microsoft.Sql/servers/read',
  armType: 'Microsoft.Sql/servers',
  reads: ['Microsoft.Sql/servers/read'],
  arm: async (ctx) => raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Sql/servers/read'), (t, signal) => ctx.clients.sql(ctx.subscription).servers.list({ abortSignal: signal }).byPage(page(t)), sqlToken)),
  build: (rows, ctx) =>
    mapLimited(rows, async (r) => {
      const { resourceGroup, name } = n.located(r);
      const operation = 'Microsoft.Sql/servers/auditingSettings/read';
      const [auditing, rules] = await Promise.all([
        observe(ctx, operation, () =>
          callAzure(ctx.opts, op(ctx, operation), (signal) => ctx.clients.sql(ctx.subscription).serverBlobAuditingPolicies.get(resourceGroup, name, { abortSignal: signal })),
        ),
        firewallRules(ctx, n.located(r).id, 'Microsoft.Sql/servers/firewallRules/read', '2021-11-01'),
      ]);
      return make('azure.sql.server', ctx, r, n.sqlServer(r, auditing.ok ? n.sqlAuditing(auditing.value) : auditing, rules));
    }),
};

export const sqlDatabases: Kind<'azure.sql.database'> = {
  type: 'azure.sql.database',
  query: 'sqlDatabases',
  operation: 'Microsoft.Sql/servers/databases/read',
  armType: 'Microsoft.Sql/servers/databases',
  reads: ['Microsoft.Sql/servers/databases/read'],
  armReads: ['Microsoft.Sql/servers/read'],
  arm: async (ctx) => {
    const servers = raws(await sqlServers.arm(ctx));
    const perServer = await mapLimited(servers, async (s) => {
      const { resourceGroup, name } = n.located(s);
      return raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Sql/servers/databases/read'), (t, signal) => ctx.clients.sql(ctx.subscription).databases.listByServer(resourceGroup, name, { abortSignal: signal }).byPage(page(t)), sqlToken));
    });
    return perServer.flat().filter((d) => String(d['name']).toLowerCase() !== 'master');
  },
  build: (rows, ctx) =>
    mapLimited(rows, async (r) => {
      const { resourceGroup, name, id } = n.located(r);
      const server = n.serverOfDatabase(id);
      const operation = 'Microsoft.Sql/servers/databases/transparentDataEncryption/read';
      const tde = await observe(ctx, operation, async () => {
        const answer = await callAzure(ctx.opts, op(ctx, operation), (signal) => ctx.clients.sql(ctx.subscription).transparentDataEncryptions.get(resourceGroup, server, name, 'current', { abortSignal: signal }));
        return String((answer as { state?: unknown }).state ?? 'Disabled');
      });
      return make('azure.sql.database', ctx, r, { resourceGroup, serverName: server, tde });
    }),
};

export const protectedItems: Kind<'azure.backup.protected-item'> = {
  type: 'azure.backup.protected-item',
  query: 'protectedItems',
  operation: 'Microsoft.RecoveryServices/vaults/backupProtectedItems/read',
  armType: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
  reads: ['Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/read'],
  armReads: ['Microsoft.RecoveryServices/vaults/read'],
  arm: async (ctx) => {
    const vaults = raws(await listAll(ctx.opts, op(ctx, 'Microsoft.Resources/subscriptions/resources/read'), (t, signal) =>
      ctx.clients.resources(ctx.subscription).resources.list({ filter: "resourceType eq 'Microsoft.RecoveryServices/vaults'", abortSignal: signal }).byPage(page(t)), resourcesToken));
    const perVault = await mapLimited(vaults, async (v) => {
      const { resourceGroup, name } = n.located(v);
      return raws(await listAll(ctx.opts, op(ctx, 'Microsoft.RecoveryServices/vaults/backupProtectedItems/read'), (t, signal) =>
        ctx.clients.backup(ctx.subscription).backupProtectedItems.list(name, resourceGroup, { abortSignal: signal }).byPage(page(t)), backupToken));
    });
    return perVault.flat();
  },
  build: async (rows, ctx) =>
    rows.map((r) => {
      const item = n.protectedItem(r);
      const where = n.located(r);
      return resource('azure.backup.protected-item', { provider: 'azure', account: ctx.subscription, region: where.location }, { id: where.id, name: where.name, tags: where.tags, data: item });
    }),
};

export const KINDS: readonly Kind[] = [resourceGroups, genericResources, storageAccounts, disks, virtualMachines, networkSecurityGroups, keyVaults, sqlServers, sqlDatabases, protectedItems, tagAssignments, ...SERVICE_KINDS] as readonly Kind[];
