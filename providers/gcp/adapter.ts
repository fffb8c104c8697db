import type { CollectionError } from '../../src/core/observed.js';
import type { DiscoverContext, DiscoveryResult, Target } from '../../src/core/provider.js';
import { GLOBAL_REGION, type ResourceType } from '../../src/core/resource.js';
import { inShard } from '../../src/core/shard.js';
import type { CreateAdapter } from '../../src/core/descriptor.js';
import type { GcpConfig } from './config.js';
import type {} from './model/types.js';
import { GcpCaller } from './collect/call.js';
import { GcpClients } from './collect/clients.js';
import { GCP_RESOURCE_TYPES, GcpCollector, type GcpSession } from './collect/collector.js';
import { Discovery } from './discover.js';
import { classifyGcpError } from './collect/errors.js';

/** Test and embedding hooks (see CreateAdapter); a scan from the CLI uses none of them. */
export interface GcpHooks {
  /** Use this access token for every API (no ADC, no metadata server). */
  readonly accessToken?: string;
  /** First retry delay in ms (default 500); tests shorten it. */
  readonly retryBaseMs?: number;
}

export const MODE_CAI = 'cloud-asset-inventory';
export const MODE_PER_SERVICE = 'per-service-apis';

export const createAdapter: CreateAdapter<GcpConfig, GcpHooks> = async (config, options, hooks = {}) => {
  const source = {
    ...(hooks.accessToken !== undefined ? { accessToken: hooks.accessToken } : {}),
    ...(config.impersonateServiceAccount ? { impersonate: config.impersonateServiceAccount } : {}),
    ...(config.endpoints.iamcredentials ? { iamCredentialsEndpoint: config.endpoints.iamcredentials } : {}),
  };
  const clients = await GcpClients.create(config, source, options.callTimeoutMs);
  const retry = { maxRetries: config.maxRetries, baseMs: hooks.retryBaseMs ?? 500, attemptTimeoutMs: options.callTimeoutMs };
  let collector: GcpCollector | undefined;

  return {
    id: 'gcp',
    resourceTypes: GCP_RESOURCE_TYPES,

    async discover(ctx: DiscoverContext): Promise<DiscoveryResult> {
      const caller = new GcpCaller(ctx.api, retry, ctx.signal);
      const discovery = new Discovery(config, clients, caller, options.callTimeoutMs);
      ctx.step?.('listing projects (organisation, folders, Cloud Asset Inventory)');
      const outcome = await discovery.run(ctx.shard);
      if (outcome.assetFailure) {
        options.log.warn({ error: outcome.assetFailure }, 'Cloud Asset Inventory did not answer; collecting through the per-service APIs');
      }
      collector = new GcpCollector(config, clients, discovery, outcome.assets, retry, options.callTimeoutMs, () => [...outcome.folders.keys()]);
      const targets: Target[] = outcome.projects.map((p) => ({
        provider: 'gcp',
        account: p.projectId,
        ...(p.displayName && p.displayName !== p.projectId ? { accountName: p.displayName } : {}),
        regions: [GLOBAL_REGION],
        session: { kind: 'project', project: p } satisfies GcpSession,
      }));
      // Organisation-wide facts (org and folder IAM, the Workspace directory) belong to one target,
      // owned by one shard, so they are reported once.
      const orgAccount = outcome.organization ?? `workspace/${config.workspace?.customer ?? 'my_customer'}`;
      if (inShard(orgAccount, ctx.shard)) {
        targets.push({
          provider: 'gcp',
          account: orgAccount,
          accountName: outcome.organization ? `organisation ${outcome.organization.replace('organizations/', '')}` : 'Workspace directory',
          regions: [GLOBAL_REGION],
          session: { kind: 'organization', organization: outcome.organization } satisfies GcpSession,
        });
      }
      return { targets, failures: outcome.failures, mode: outcome.assets ? MODE_CAI : MODE_PER_SERVICE };
    },

    tasks(target: Target, types: ReadonlySet<ResourceType>) {
      if (!collector) throw new Error('GCP tasks requested before discovery');
      return collector.tasks(target, types);
    },

    classifyError(error: unknown, operation: string): CollectionError {
      return classifyGcpError(error, operation);
    },
  };
};
