import type { Listing } from '../../../src/core/inventory.js';
import type { DiscoveryResult } from '../../../src/core/provider.js';
import type { ResourceType } from '../../../src/core/resource.js';
import { RateLimitedApi } from '../../../src/engine/api.js';
import { azureConfigSchema, type AzureConfig } from '../../../providers/azure/config.js';
import { createAdapter, type AzureAdapter } from '../../../providers/azure/adapter.js';
import { AzureFake, StubCredential } from '../../fakes/azure/server.js';
import type { Sleep } from '../../../providers/azure/collect/calls.js';
import { silentLog } from '../support.js';

/** The silent logger, for the tests that import it from here. */
export { silentLog };

export const ALL_TYPES: ReadonlySet<ResourceType> = new Set([
  'azure.subscription', 'azure.authorization.custom-role', 'azure.entra.user', 'azure.resources.resource-group', 'azure.resources.resource',
  'azure.storage.account', 'azure.compute.disk', 'azure.compute.vm', 'azure.network.nsg', 'azure.keyvault.vault', 'azure.sql.server',
  'azure.sql.database', 'azure.backup.protected-item',
]);

/** A config pointing every Azure host at the fake (cloud `custom`). */
export function fakeConfig(fake: AzureFake, over: Record<string, unknown> = {}): AzureConfig {
  return azureConfigSchema.parse({
    cloud: 'custom',
    endpoints: { resourceManager: fake.url, graph: fake.url, authorityHost: fake.url },
    ...over,
  });
}

export interface ScanOutcome {
  readonly adapter: AzureAdapter;
  readonly discovery: DiscoveryResult;
  readonly listings: Listing[];
  readonly api: RateLimitedApi;
  readonly credential: StubCredential;
}

/** Discovery, then every task of every target, as the engine would run them (all at once). */
export async function scan(
  fake: AzureFake,
  over: Record<string, unknown> = {},
  options: { shard?: { index: number; count: number }; sleep?: Sleep; callTimeoutMs?: number; types?: ReadonlySet<ResourceType>; rateLimits?: Record<string, { perSecond: number; burst: number }> } = {},
): Promise<ScanOutcome> {
  const credential = new StubCredential();
  const adapter = await createAdapter(fakeConfig(fake, over), { log: silentLog, callTimeoutMs: options.callTimeoutMs ?? 10_000 }, { credential, ca: fake.ca, ...(options.sleep ? { sleep: options.sleep } : {}) });
  const api = new RateLimitedApi('azure', {
    rateLimits: options.rateLimits ?? { 'azure/arm': { perSecond: 10_000, burst: 10_000 }, 'azure/resourcegraph': { perSecond: 10_000, burst: 10_000 }, 'azure/graph': { perSecond: 10_000, burst: 10_000 } },
  });
  const signal = new AbortController().signal;
  const discovery = await adapter.discover({ api, signal, log: silentLog, ...(options.shard ? { shard: options.shard } : {}) });
  const tasks = discovery.targets.flatMap((t) => adapter.tasks(t, options.types ?? ALL_TYPES));
  const listings = (await Promise.all(tasks.map((t) => t.run({ api, signal, log: silentLog })))).flat();
  return { adapter, discovery, listings, api, credential };
}

export function itemsOf<T extends ResourceType>(listings: readonly Listing[], type: T, account?: string) {
  const found = listings.filter((l) => l.type === type && (!account || l.scope.account === account));
  return found.flatMap((l) => (l.items.ok ? (l.items.value as readonly import('../../../src/core/resource.js').Resource<T>[]) : []));
}
