import { z } from 'zod';

/** `providers.aws` in the config file. Every endpoint is configurable (sovereign partitions, emulators, fakes). */
export const awsConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  profile: z.string().optional(),
  /** Regions to scan; all enabled regions of the account when absent. */
  regions: z.array(z.string()).optional(),
  /** One endpoint for every service (an emulator), as AWS_ENDPOINT_URL does. */
  endpoint: z.url().optional(),
  /** Per-service endpoints, keyed by service id (`s3`, `iam`, `ec2`, ...), as AWS_ENDPOINT_URL_<SERVICE> does. */
  endpoints: z.record(z.string(), z.url()).default({}),
  s3ForcePathStyle: z.boolean().default(false),
  maxAttempts: z.number().int().min(1).max(20).default(5),
  retryMode: z.enum(['adaptive', 'standard']).default('adaptive'),
});
export type AwsConfig = z.output<typeof awsConfigSchema>;
