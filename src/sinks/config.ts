import { z } from 'zod';
import { STATUSES } from '../core/finding.js';

const positiveInt = z.number().int().positive();

const tlsSchema = z.strictObject({
  /** PEM file of the CA(s) to trust instead of the system store. */
  caFile: z.string().min(1).optional(),
  /** Verify the server certificate and host name. Turning it off is for lab use only. */
  verify: z.boolean().default(true),
  /** Client certificate and key (PEM), for receivers that authenticate senders. */
  certFile: z.string().min(1).optional(),
  keyFile: z.string().min(1).optional(),
  /** Server name to verify when it differs from the host connected to. */
  serverName: z.string().min(1).optional(),
});

const retrySchema = z.strictObject({
  attempts: positiveInt.default(5),
  initialDelayMs: positiveInt.default(500),
  maxDelayMs: positiveInt.default(30_000),
});

const spoolSchema = z.strictObject({
  /** Undelivered batches are written here, one file per batch, and replayed on the next run. */
  dir: z.string().min(1).default('.dutyscan/spool'),
  maxBytes: positiveInt.default(256 * 1024 * 1024),
});

/** A secret given inline or, better, by the name of an environment variable that holds it. */
const secret = (what: string) =>
  z.union([z.string().min(1), z.strictObject({ env: z.string().min(1) })]).describe(what);

const common = {
  /** Names the sink in reports and its spool directory; defaults to the type (plus a number). */
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore').optional(),
  /** Which results to send; all by default (PASS is what proves a duty is met). */
  statuses: z.array(z.enum(STATUSES)).min(1).optional(),
  includeMuted: z.boolean().default(true),
  batchSize: positiveInt.default(100),
  /** A partial batch is sent after this long without filling up. */
  flushMs: positiveInt.default(2_000),
  concurrency: positiveInt.default(2),
  /** Batches waiting beyond this go straight to the spool, so a slow receiver never holds the scan. */
  maxQueuedBatches: positiveInt.default(50),
  /** How long close() waits for deliveries before spooling what is left. */
  closeTimeoutMs: positiveInt.default(60_000),
  requestTimeoutMs: positiveInt.default(30_000),
  retry: retrySchema.default({ attempts: 5, initialDelayMs: 500, maxDelayMs: 30_000 }),
  spool: spoolSchema.default({ dir: '.dutyscan/spool', maxBytes: 256 * 1024 * 1024 }),
};

export const hecSinkSchema = z.strictObject({
  type: z.literal('hec'),
  ...common,
  /** Base URL of the HTTP Event Collector, e.g. https://splunk.example.com:8088 */
  url: z.url(),
  token: secret('HEC token'),
  index: z.string().min(1).optional(),
  source: z.string().min(1).default('dutyscan'),
  sourcetype: z.string().min(1).default('ocsf:compliance_finding'),
  host: z.string().min(1).optional(),
  /** `ocsf`: OCSF 1.8.0 Compliance Finding events; `finding`: dutyscan's JSON finding. */
  format: z.enum(['ocsf', 'finding']).default('ocsf'),
  gzip: z.boolean().default(true),
  /** Indexer acknowledgement: a batch counts as delivered only once Splunk has indexed it. */
  ack: z
    .strictObject({ enabled: z.boolean().default(false), pollMs: positiveInt.default(1_000), timeoutMs: positiveInt.default(60_000) })
    .default({ enabled: false, pollMs: 1_000, timeoutMs: 60_000 }),
  tls: tlsSchema.default({ verify: true }),
});

export const syslogSinkSchema = z.strictObject({
  type: z.literal('syslog'),
  ...common,
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).optional(),
  /** tcp: RFC 6587 octet counting; tls: RFC 5425; udp: RFC 5426 (no delivery guarantee). */
  transport: z.enum(['tcp', 'tls', 'udp']).default('tls'),
  body: z.enum(['json', 'cef']).default('json'),
  /** Payload of `json` bodies. */
  format: z.enum(['ocsf', 'finding']).default('ocsf'),
  facility: z.number().int().min(0).max(23).default(13),
  appName: z.string().regex(/^[!-~]{1,48}$/).default('dutyscan'),
  hostname: z.string().regex(/^[!-~]{1,255}$/).optional(),
  /**
   * The structured-data element's id (RFC 5424 SD-ID, `name@enterprise-number`): `enterprise`
   * puts your organisation's IANA Private Enterprise Number in `finding@<number>`; `sdId` sets
   * the whole id. The default, finding@32473, uses RFC 5612's documentation number.
   */
  enterprise: z.number().int().min(1).optional(),
  sdId: z.string().regex(/^(?=[!-~]{1,32}$)[^=\]"@]+@\d+(?:\.\d+)*$/, 'an SD-ID of 1-32 printable characters, name@enterprise-number (e.g. finding@12345)').optional(),
  tls: tlsSchema.default({ verify: true }),
}).refine((c) => c.enterprise === undefined || c.sdId === undefined, { message: 'set enterprise or sdId, not both (sdId already names its enterprise number)', path: ['sdId'] });

export const webhookSinkSchema = z.strictObject({
  type: z.literal('webhook'),
  ...common,
  url: z.url(),
  /** Key of the HMAC-SHA256 signature over `<timestamp>.<body>`. */
  secret: secret('webhook signing secret'),
  format: z.enum(['ocsf', 'finding']).default('finding'),
  headers: z.record(z.string(), z.string()).default({}),
  signatureHeader: z.string().min(1).default('X-Dutyscan-Signature'),
  timestampHeader: z.string().min(1).default('X-Dutyscan-Timestamp'),
  tls: tlsSchema.default({ verify: true }),
});

export const securityHubSinkSchema = z.strictObject({
  type: z.literal('securityhub'),
  ...common,
  /** Region of the Security Hub to import into (and of global findings' ProductArn). */
  region: z.string().min(1),
  /** Endpoint override (VPC endpoint, FIPS, tests). */
  endpoint: z.url().optional(),
  productArn: z.string().min(1).optional(),
  /** BatchImportFindings allows 10 TPS per account and region. */
  maxCallsPerSecond: z.number().positive().max(10).default(10),
});

export const sinkSchema = z.discriminatedUnion('type', [hecSinkSchema, syslogSinkSchema, webhookSinkSchema, securityHubSinkSchema]);
export const sinksSchema = z.array(sinkSchema);

export type SinkConfig = z.output<typeof sinkSchema>;
export type HecSinkConfig = z.output<typeof hecSinkSchema>;
export type SyslogSinkConfig = z.output<typeof syslogSinkSchema>;
export type WebhookSinkConfig = z.output<typeof webhookSinkSchema>;
export type SecurityHubSinkConfig = z.output<typeof securityHubSinkSchema>;
export type TlsConfig = z.output<typeof tlsSchema>;

export function resolveSecret(value: string | { env: string }, what: string): string {
  if (typeof value === 'string') return value;
  const v = process.env[value.env];
  if (!v) throw new Error(`${what}: environment variable ${value.env} is not set`);
  return v;
}

/** Sink names, unique: the configured name, or the type numbered when it repeats. */
export function sinkNames(configs: readonly SinkConfig[]): string[] {
  const seen = new Map<string, number>();
  return configs.map((c) => {
    const base = c.name ?? c.type;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
