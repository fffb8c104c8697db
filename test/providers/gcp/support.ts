import pLimit from 'p-limit';
import type { Listing } from '../../../src/core/inventory.js';
import type { DiscoveryResult, ProviderAdapter } from '../../../src/core/provider.js';
import type { ResourceType } from '../../../src/core/resource.js';
import { RateLimitedApi } from '../../../src/engine/api.js';
import { gcpConfigSchema, type GcpConfig } from '../../../providers/gcp/config.js';
import { createAdapter } from '../../../providers/gcp/adapter.js';
import { GCP_RESOURCE_TYPES } from '../../../providers/gcp/collect/collector.js';
import type { GcpFake } from '../../fakes/gcp/server.js';
import { silentLog } from '../support.js';

/** The silent logger, for the tests that import it from here. */
export { silentLog };

export const ALL_GCP_TYPES: readonly ResourceType[] = GCP_RESOURCE_TYPES;

/** Config whose every endpoint is the fake. */
export function fakeConfig(fake: GcpFake, extra: Record<string, unknown> = {}): GcpConfig {
  const u = fake.url;
  return gcpConfigSchema.parse({
    endpoints: { resourcemanager: u, asset: u, compute: u, kms: u, storage: u, sqladmin: u, iam: u, logging: u, admin: u },
    ...extra,
  });
}

export interface Collected {
  readonly adapter: ProviderAdapter;
  readonly discovery: DiscoveryResult;
  readonly listings: Listing[];
  readonly api: RateLimitedApi;
}

/** Discover and run every task as the engine would (bounded concurrency, one ApiCaller). */
export async function collect(
  config: GcpConfig,
  options: { shard?: { index: number; count: number }; concurrency?: number; types?: readonly ResourceType[] } = {},
): Promise<Collected> {
  const adapter = await createAdapter(config, { log: silentLog, callTimeoutMs: 10_000 }, { accessToken: 'test-token', retryBaseMs: 2 });
  const api = new RateLimitedApi('gcp', { rateLimits: { 'gcp/default': { perSecond: 100_000, burst: 100_000 }, 'gcp/asset': { perSecond: 100_000, burst: 100_000 } } });
  const signal = new AbortController().signal;
  const discovery = await adapter.discover({ api, signal, log: silentLog, ...(options.shard ? { shard: options.shard } : {}) });
  const types = new Set(options.types ?? ALL_GCP_TYPES);
  const limit = pLimit(options.concurrency ?? 16);
  const runs = discovery.targets.flatMap((t) => adapter.tasks(t, types).map((task) => limit(() => task.run({ api, signal, log: silentLog }))));
  const listings = (await Promise.all(runs)).flat();
  return { adapter, discovery, listings, api };
}

export const listingOf = (listings: readonly Listing[], account: string, type: ResourceType): Listing => {
  const found = listings.find((l) => l.scope.account === account && l.type === type);
  if (!found) throw new Error(`no ${type} listing for ${account}`);
  return found;
};

export const namesOf = (l: Listing): string[] => (l.items.ok ? l.items.value.map((r) => r.name).sort() : []);
