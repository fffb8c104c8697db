import { z } from 'zod';

/** `providers.azure` in the config file. */
export const azureConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  tenantId: z.string().optional(),
  /** `public`, `china`, `usgov`, or `custom` with the hosts below. */
  cloud: z.enum(['public', 'china', 'usgov', 'custom']).default('public'),
  subscriptions: z.array(z.string()).optional(),
});
export type AzureConfig = z.output<typeof azureConfigSchema>;
