import { Cron } from 'croner';
import { z } from 'zod';
import { DUTIES } from '../core/check.js';
import { providerIdSchema } from '../../providers/index.js';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case name such as daily-full or hourly-iam');

const cron = z.string().min(1).refine((pattern) => {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}, 'a cron pattern such as "0 2 * * *" (minute hour day month weekday, optional leading seconds)');

const timezone = z.string().min(1).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as UTC or Europe/Paris');

/**
 * What a scan looks at. Findings' lifecycles are scoped by (provider, account, region, check), so
 * a scan limited here only opens and resolves findings inside what it actually evaluated.
 */
export const scanScopeSchema = z.strictObject({
  providers: z.array(providerIdSchema).min(1),
  /** Account, subscription or project ids; every discovered one when absent. */
  accounts: z.array(z.string().min(1)).min(1).optional(),
  regions: z.array(z.string().min(1)).min(1).optional(),
  /** Check id globs (`aws-iam-*`). */
  checks: z.array(z.string().min(1)).min(1).optional(),
  duties: z.array(z.enum(DUTIES)).min(1).optional(),
});
export type ScanScope = z.output<typeof scanScopeSchema>;

export const scheduleSchema = z.strictObject({
  name,
  cron,
  timezone: timezone.default('UTC'),
  /** Start up to this many seconds late, so that many scanners do not hit the APIs on the same second. */
  jitterSeconds: z.number().int().min(0).max(3600).default(0),
  scope: scanScopeSchema,
});
export type Schedule = z.output<typeof scheduleSchema>;

const storeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sqlite'), path: z.string().min(1).default('/var/lib/dutyscan/history.db') }),
  z.strictObject({
    kind: z.literal('postgres'),
    /** A connection URL; prefer `urlEnv` so the password stays out of the file. */
    url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
    urlEnv: z.string().min(1).default('DUTYSCAN_DATABASE_URL'),
  }),
]);

export const apiSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /** The bearer token is read from this environment variable, or from `tokenFile` (a mounted secret). */
  tokenEnv: z.string().min(1).default('DUTYSCAN_API_TOKEN'),
  tokenFile: z.string().min(1).optional(),
  /** Page cursors are signed with the key in this variable (replicas share it), else with a random key per process. */
  cursorKeyEnv: z.string().min(1).default('DUTYSCAN_CURSOR_KEY'),
});

export const serviceSchema = z
  .strictObject({
    schedules: z.array(scheduleSchema).default([]),
    store: storeSchema.default({ kind: 'sqlite', path: '/var/lib/dutyscan/history.db' }),
    api: apiSchema.default({ host: '127.0.0.1', port: 8080, tokenEnv: 'DUTYSCAN_API_TOKEN', cursorKeyEnv: 'DUTYSCAN_CURSOR_KEY' }),
    sinks: z
      .strictObject({
        /** Send only what changed since the previous scan (OCSF Create/Update/Close) instead of every finding. */
        changesOnly: z.boolean().default(false),
      })
      .default({ changesOnly: false }),
    /** Scans (with their per-scan findings and transitions) older than this are deleted; current finding states stay. */
    retentionDays: z.number().int().min(1).max(3650).default(90),
    /**
     * Every finding of a scan (its report and changes, about 2 KB a finding) is kept for the last
     * `scans` scans of each scope, and for none older than `days`; older scans keep their counts,
     * drift and summary, and the findings their transitions. `{}` keeps them until retentionDays.
     */
    keepFindings: z
      .strictObject({ scans: z.number().int().min(1).max(100_000).optional(), days: z.number().int().min(1).max(3650).optional() })
      .default({ scans: 10 }),
    /** Scans that may wait behind the running one; beyond, POST /scans answers 429 and schedule ticks are skipped. */
    maxQueuedScans: z.number().int().min(1).max(10_000).default(100),
    /** How long SIGTERM waits for a running scan to wind down after aborting it. */
    shutdownGraceSeconds: z.number().int().min(0).max(3600).default(25),
  })
  .superRefine((service, ctx) => {
    const seen = new Set<string>();
    service.schedules.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: ['schedules', i, 'name'], message: `duplicate schedule name "${s.name}"` });
      seen.add(s.name);
    });
  });

export type ServiceConfig = z.output<typeof serviceSchema>;
export type StoreConfig = ServiceConfig['store'];

export const defaultServiceConfig = (): ServiceConfig => serviceSchema.parse({});
