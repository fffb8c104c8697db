import { z } from 'zod';

/** `providers.gcp` in the config file. */
export const gcpConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  projects: z.array(z.string()).optional(),
  organization: z.string().optional(),
});
export type GcpConfig = z.output<typeof gcpConfigSchema>;
