import { z } from 'zod';

const endpoint = z
  .string()
  .regex(/^https?:\/\/[^/\s]+$/, 'a base URL such as https://compute.p.googleapis.com or http://127.0.0.1:8080 (no path)');

/** `providers.gcp` in the config file. */
export const gcpConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Scan exactly these project ids (no discovery through Resource Manager). */
  projects: z.array(z.string().min(1)).optional(),
  /** `organizations/123` or `123`: every active project under it, through its folders. */
  organization: z.string().min(1).optional(),
  /** `folders/456` or `456`: every active project under these folders (recursively). */
  folders: z.array(z.string().min(1)).optional(),
  /** Project id globs to keep (all when absent) and to drop. */
  includeProjects: z.array(z.string().min(1)).optional(),
  excludeProjects: z.array(z.string().min(1)).default([]),
  /** Service account to impersonate from the Application Default Credentials (read-only scanner identity). */
  impersonateServiceAccount: z.string().email().optional(),
  /**
   * Cloud Asset Inventory: `auto` uses it at organisation/folder scope when it answers and falls
   * back to the per-service APIs otherwise; `off` never calls it.
   */
  assetInventory: z.enum(['auto', 'off']).default('auto'),
  /** Workspace / Cloud Identity: a super-admin (or delegated admin) the scanner acts as, for 2-Step Verification. */
  workspace: z
    .strictObject({
      adminSubject: z.string().email(),
      customer: z.string().min(1).default('my_customer'),
      /** Service-account key file with domain-wide delegation; ADC when absent. */
      credentialsFile: z.string().min(1).optional(),
    })
    .optional(),
  /** Per-API endpoints (Private Service Connect, restricted VIPs, test fakes). */
  endpoints: z
    .strictObject({
      resourcemanager: endpoint.optional(),
      asset: endpoint.optional(),
      compute: endpoint.optional(),
      kms: endpoint.optional(),
      storage: endpoint.optional(),
      sqladmin: endpoint.optional(),
      iam: endpoint.optional(),
      logging: endpoint.optional(),
      admin: endpoint.optional(),
      /** IAM Credentials, used to mint the impersonated scanner account's tokens. */
      iamcredentials: endpoint.optional(),
    })
    .default({}),
  /** Retries of a 429/503 answer before the fact becomes a THROTTLED/UNAVAILABLE error. */
  maxRetries: z.number().int().min(0).max(10).default(4),
});
export type GcpConfig = z.output<typeof gcpConfigSchema>;
