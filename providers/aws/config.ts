import { z } from 'zod';

const accountId = z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id');

/** Organisation mode: scan every member account through a role assumed in it. */
export const awsOrganizationSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** The role each member account has (deploy/aws/member-role.cfn.yaml creates it). */
  roleName: z.string().min(1).default('DutyscanReadOnly'),
  /** The external id the member role's trust policy requires (confused-deputy protection). */
  externalId: z.string().min(2).optional(),
  /** Only these accounts (empty: all active members). */
  includeAccounts: z.array(accountId).default([]),
  excludeAccounts: z.array(accountId).default([]),
  /** Lifetime of the assumed-role sessions; they are refreshed before they expire. */
  sessionDurationSeconds: z.number().int().min(900).max(43_200).default(3600),
});

/** `providers.aws` in the config file. Every endpoint is configurable (sovereign partitions, emulators, fakes). */
export const awsConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  profile: z.string().optional(),
  /** Regions to scan; all enabled regions of the account when absent. */
  regions: z.array(z.string()).optional(),
  /** Region for global services and discovery (IAM, STS, Organizations, ListBuckets). */
  defaultRegion: z.string().default('us-east-1'),
  /** One endpoint for every service (an emulator), as AWS_ENDPOINT_URL does. */
  endpoint: z.url().optional(),
  /** Per-service endpoints, keyed by service id (`s3`, `iam`, `ec2`, ...), as AWS_ENDPOINT_URL_<SERVICE> does. */
  endpoints: z.record(z.string(), z.url()).default({}),
  /** Path-style S3 URLs (emulators); DUTYSCAN_AWS_S3_FORCE_PATH_STYLE=true does the same. */
  s3ForcePathStyle: z.boolean().default(false),
  maxAttempts: z.number().int().min(1).max(20).default(5),
  retryMode: z.enum(['adaptive', 'standard']).default('adaptive'),
  organization: awsOrganizationSchema.default({
    enabled: false,
    roleName: 'DutyscanReadOnly',
    includeAccounts: [],
    excludeAccounts: [],
    sessionDurationSeconds: 3600,
  }),
  /** How long to wait for an IAM credential report being generated before reporting TIMEOUT. */
  credentialReportWaitMs: z.number().int().min(0).default(60_000),
});
export type AwsConfig = z.output<typeof awsConfigSchema>;
