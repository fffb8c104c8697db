import { z } from 'zod';

const httpsUrl = z.url({ protocol: /^https$/, message: 'an https:// URL' });

/**
 * Hosts of one Azure cloud. `public`, `china` and `usgov` have built-in values; `custom` (Azure
 * Stack Hub, a private endpoint, a test fake) must name all four.
 */
export const azureEndpointsSchema = z.strictObject({
  /** Azure Resource Manager, e.g. https://management.chinacloudapi.cn */
  resourceManager: httpsUrl.optional(),
  /** Microsoft Graph, e.g. https://microsoftgraph.chinacloudapi.cn */
  graph: httpsUrl.optional(),
  /** Microsoft Entra authority, e.g. https://login.chinacloudapi.cn */
  authorityHost: httpsUrl.optional(),
  /** Resource Graph; the ARM host unless it is served elsewhere. */
  resourceGraph: httpsUrl.optional(),
  /** For an authority MSAL does not know (it has no environment variable). */
  disableInstanceDiscovery: z.boolean().optional(),
});

/**
 * Token audiences, when they differ from the hosts (a private endpoint or a proxy serving ARM under
 * another name still wants a token for the real audience): an App ID URI such as
 * `https://management.azure.com`, or a full scope ending in `/.default`.
 */
export const azureAudiencesSchema = z.strictObject({
  /** ARM's audience, also Resource Graph's; the resourceManager host's unless set. */
  resourceManager: z.string().min(1).optional(),
  /** Microsoft Graph's audience; the graph host's unless set. */
  graph: z.string().min(1).optional(),
});

/** `providers.azure` in the config file. */
export const azureConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** The Entra tenant to authenticate against and to keep subscriptions of. */
    tenantId: z.string().optional(),
    /** `public`, `china`, `usgov`, or `custom` with the hosts below. */
    cloud: z.enum(['public', 'china', 'usgov', 'custom']).default('public'),
    /** Overrides of the cloud's hosts (all four required for `custom`). */
    endpoints: azureEndpointsSchema.default({}),
    /** Token audiences, when they differ from the endpoint hosts. */
    audiences: azureAudiencesSchema.default({}),
    /** Subscription ids to scan; absent means every subscription the identity can list. */
    subscriptions: z.array(z.string().min(1)).optional(),
    /** Only the subscriptions under this management group (id, not display name). */
    managementGroup: z.string().min(1).optional(),
    /** Globs matched against subscription id or display name. */
    include: z.array(z.string().min(1)).default([]),
    exclude: z.array(z.string().min(1)).default([]),
    /**
     * `auto`: Resource Graph where it answers, per-service ARM clients elsewhere;
     * `resource-graph` or `arm` to force one.
     */
    collection: z.enum(['auto', 'resource-graph', 'arm']).default('auto'),
    /** Subscriptions per Resource Graph query (the service accepts fewer than 300 comfortably). */
    resourceGraphBatchSize: z.number().int().min(1).max(299).default(200),
    /** Read key and secret metadata (expiry) of every vault: two ARM calls per vault. */
    keyVaultItems: z.boolean().default(true),
    /** Read the Entra MFA registration report through Microsoft Graph. */
    entra: z.boolean().default(true),
    /** Retries of a throttled (429) or unavailable (5xx) call, on top of the SDK's own. */
    maxRetries: z.number().int().min(0).max(10).default(4),
  })
  .superRefine((c, ctx) => {
    if (c.cloud !== 'custom') return;
    for (const key of ['resourceManager', 'graph', 'authorityHost'] as const) {
      if (!c.endpoints[key]) ctx.addIssue({ code: 'custom', path: ['endpoints', key], message: `required when cloud is custom` });
    }
  });
export type AzureConfig = z.output<typeof azureConfigSchema>;
