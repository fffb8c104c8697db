import type { ProviderAdapter } from '../src/core/provider.js';
import type { ProviderId } from '../src/core/observed.js';
import type { Config } from '../src/config/schema.js';
import type { Logger } from 'pino';

export interface AdapterOptions {
  readonly log: Logger;
  /** Applied to every client a provider builds (per-call timeout, retries). */
  readonly callTimeoutMs: number;
}

/**
 * The adapters, loaded on demand so an AWS-only scan never loads the Azure or GCP SDKs.
 * Each provider's adapter.ts exports `createAdapter(config, options)`.
 */
export const adapters: Record<ProviderId, (config: Config, options: AdapterOptions) => Promise<ProviderAdapter>> = {
  aws: async () => { throw new Error('the AWS adapter is not built yet'); },
  azure: async () => { throw new Error('the Azure adapter is not built yet'); },
  gcp: async () => { throw new Error('the GCP adapter is not built yet'); },
};
