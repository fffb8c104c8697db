import { z } from 'zod';
import type { AdapterOptions, ProviderDescriptor } from '../src/core/descriptor.js';
import type { ProviderAdapter } from '../src/core/provider.js';
import type { Config } from '../src/config/schema.js';
import { aws } from './aws/index.js';
import { azure } from './azure/index.js';
import { gcp } from './gcp/index.js';

/** Every provider dutyscan scans. Adding one is its folder under providers/ and one line here. */
export const providers = {
  aws,
  azure,
  gcp,
};

export type ProviderId = keyof typeof providers;
export type { AdapterOptions, CreateAdapter } from '../src/core/descriptor.js';

/** The provider ids in registry order (the order of scans, summaries and help). */
export const PROVIDER_IDS = Object.keys(providers) as ProviderId[];

/** A provider id in a file or a request: one of the registry's. */
export const providerIdSchema = z.enum(PROVIDER_IDS as [ProviderId, ...ProviderId[]]);

export const isProviderId = (value: string): value is ProviderId => Object.hasOwn(providers, value);

/** The descriptor of `id`, typed loosely enough to be used for any provider in a loop. */
export const descriptor = (id: ProviderId): ProviderDescriptor<ProviderId> => providers[id] as unknown as ProviderDescriptor<ProviderId>;

/** The provider's part of the config file, its defaults when the file has none. */
export const providerConfig = (config: Config, id: ProviderId): unknown => config.providers[id] ?? descriptor(id).configSchema.parse({});


/**
 * The adapters, loaded on demand so an AWS-only scan never loads the Azure or GCP SDKs.
 * Each provider's descriptor loads its adapter.ts when asked.
 */
export const adapters = Object.fromEntries(PROVIDER_IDS.map((id) => [id, (config: Config, options: AdapterOptions) =>
  descriptor(id).createAdapter(providerConfig(config, id), options, config.policy)])) as
  Record<ProviderId, (config: Config, options: AdapterOptions) => Promise<ProviderAdapter>>;
