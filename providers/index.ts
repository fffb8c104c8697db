import type { ProviderAdapter } from '../src/core/provider.js';
import type { ProviderId } from '../src/core/observed.js';
import type { Config } from '../src/config/schema.js';
import type { Logger } from 'pino';
import { awsConfigSchema } from './aws/config.js';

export interface AdapterOptions {
  readonly log: Logger;
  /** Applied to every client a provider builds (per-call timeout, retries). */
  readonly callTimeoutMs: number;
  /** policy.criticalResources: what a collector reads more closely (the AWS buckets' Object Lock, one call each). */
  readonly criticalResources?: readonly string[];
}

/**
 * Every provider's adapter.ts exports `createAdapter` of this shape. `hooks` are what a test or an
 * embedding program replaces (credentials, a CA, backoff waits); a scan from the CLI passes none.
 */
export type CreateAdapter<Config, Hooks, Adapter extends ProviderAdapter = ProviderAdapter> =
  (config: Config, options: AdapterOptions, hooks?: Hooks) => Promise<Adapter>;

/**
 * The adapters, loaded on demand so an AWS-only scan never loads the Azure or GCP SDKs.
 * Each provider's adapter.ts exports `createAdapter(config, options)`.
 */
export const adapters: Record<ProviderId, (config: Config, options: AdapterOptions) => Promise<ProviderAdapter>> = {
  aws: async (config, options) =>
    (await import('./aws/adapter.js')).createAdapter(awsConfigSchema.parse(config.providers.aws ?? {}), { ...options, criticalResources: config.policy.criticalResources }),
  azure: async (config, options) => {
    const [{ createAdapter }, { azureConfigSchema }] = await Promise.all([import('./azure/adapter.js'), import('./azure/config.js')]);
    return createAdapter(config.providers.azure ?? azureConfigSchema.parse({}), options);
  },
  gcp: async (config, options) => {
    const [{ createAdapter }, { gcpConfigSchema }] = await Promise.all([import('./gcp/adapter.js'), import('./gcp/config.js')]);
    return createAdapter(config.providers.gcp ?? gcpConfigSchema.parse({}), options);
  },
};
