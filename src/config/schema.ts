import { z } from 'zod';
import { SEVERITIES } from '../core/check.js';
import { PROVIDER_IDS, providers, type ProviderId } from '../../providers/index.js';
import { serviceSchema } from '../service/config.js';
import { sinksSchema } from '../sinks/config.js';

const positiveInt = z.number().int().positive();

/** `providers.<id>`: each registered provider's own schema, every one optional. */
const providerSchemas = Object.fromEntries(PROVIDER_IDS.map((id) => [id, providers[id].configSchema.optional()])) as
  { [Id in keyof typeof providers]: z.ZodOptional<(typeof providers)[Id]['configSchema']> };
const glob = z.string().min(1);

const tagRuleSchema = z.strictObject({
  key: z.string().min(1),
  pattern: z
    .string()
    .refine((p) => { try { new RegExp(p); return true; } catch { return false; } }, 'a valid regular expression')
    .optional(),
  resourceTypes: z.array(glob).optional(),
});

export const policySchema = z.strictObject({
  requiredTags: z.array(tagRuleSchema).default([]),
  allowedRegions: z
    .strictObject(Object.fromEntries(PROVIDER_IDS.map((id) => [id, z.array(z.string()).optional()])) as Record<ProviderId, z.ZodOptional<z.ZodArray<z.ZodString>>>)
    .default({}),
  criticalResources: z.array(glob).default([]),
});

/** A string that is either a glob or a /regular expression/. */
const matcher = z.string().min(1).refine((s) => {
  if (!(s.startsWith('/') && s.lastIndexOf('/') > 0)) return true;
  try { new RegExp(s.slice(1, s.lastIndexOf('/')), s.slice(s.lastIndexOf('/') + 1)); return true; } catch { return false; }
}, 'a glob or a valid /regular expression/');

export const muteEntrySchema = z.strictObject({
  check: matcher.default('*'),
  account: matcher.default('*'),
  region: matcher.default('*'),
  resource: matcher.default('*'),
  tags: z.record(z.string(), matcher).default({}),
  reason: z.string().min(3, 'a reason: every mute must say why'),
  owner: z.string().optional(),
  expires: z.iso.date('a date as YYYY-MM-DD').optional(),
});

export const checkSettingsSchema = z.strictObject({
  enabled: z.boolean().optional(),
  severity: z.enum(SEVERITIES).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const configSchema = z.strictObject({
  providers: z.strictObject(providerSchemas).default({}),
  /** Name of a bundled contract profile or path to a profile file. */
  contract: z.string().default('iaas-customer-duties'),
  /** A file of sign-offs for obligations no API can prove (as `scan --attestations`). */
  attestations: z.string().min(1).optional(),
  concurrency: z
    .strictObject({
      accounts: positiveInt.default(4),
      tasks: positiveInt.default(16),
      perAccountRequests: positiveInt.default(16),
      perService: z.record(z.string(), positiveInt).default({}),
    })
    .default({ accounts: 4, tasks: 16, perAccountRequests: 16, perService: {} }),
  rateLimits: z
    .record(z.string().regex(new RegExp(`^(${PROVIDER_IDS.join('|')})/[a-z0-9.-]+$`), `a key like ${PROVIDER_IDS[0]}/ec2`), z.strictObject({ perSecond: z.number().positive(), burst: positiveInt }))
    .default({}),
  timeouts: z
    .strictObject({
      /** One API call, retries included. */
      callMs: positiveInt.default(30_000),
      /** One collection task (a service in a region of an account). */
      taskMs: positiveInt.default(600_000),
      /** The whole scan: what did not finish becomes ERROR (TIMEOUT) results. */
      scanMs: positiveInt.optional(),
    })
    .default({ callMs: 30_000, taskMs: 600_000 }),
  policy: policySchema.default({ requiredTags: [], allowedRegions: {}, criticalResources: [] }),
  checks: z.record(z.string(), checkSettingsSchema).default({}),
  mutelist: z.array(muteEntrySchema).default([]),
  outputs: z
    .strictObject({
      formats: z.array(z.string()).default([]),
      dir: z.string().optional(),
      failOn: z.enum(SEVERITIES).default('low'),
    })
    .default({ formats: [], failOn: 'low' }),
  /** SIEM sinks (Splunk HEC, syslog, webhook, Security Hub), fed while the scan runs. */
  sinks: sinksSchema.default([]),
  /** `dutyscan serve`: schedules, history store, HTTP API. */
  service: serviceSchema.optional(),
});

export type Config = z.output<typeof configSchema>;
export type MuteEntry = z.output<typeof muteEntrySchema>;

export const defaultConfig = (): Config => configSchema.parse({});
