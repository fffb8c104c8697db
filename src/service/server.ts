import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ConfigError } from '../config/errors.js';
import { SEVERITIES } from '../core/check.js';
import { STATUSES } from '../core/finding.js';
import { providerIdSchema } from '../../providers/index.js';
import { formatter, formatters } from '../output/registry.js';
import type { Formatter } from '../output/types.js';
import { InvalidCursorError } from '../store/sql-store.js';
import { LIFECYCLES, SCAN_STATUSES, dueAtOf, type FindingState, type HistoryStore, type ScanRecord } from '../store/types.js';
import { isOverdue } from '../core/deadline.js';
import { scanScopeSchema, type ScanScope, type Schedule, type ServiceConfig } from './config.js';
import { changeToOcsf, seenByScan, type ChangeEvent } from './drift.js';
import { CHANGE_ACTIVITY } from '../output/ocsf.js';
import { CursorSigner } from './cursor.js';
import { whyNotLoopback } from './loopback.js';
import type { ServiceMetrics } from './metrics.js';
import type { ScanCoordinator } from './scheduler.js';
import { attestationProblems } from '../attestation/load.js';
import { attestationsFileSchema } from '../attestation/schema.js';
import { attestationStatuses } from '../attestation/status.js';
import type { ContractProfile, Obligation } from '../mapping/schema.js';
import { loadCatalog, type Catalog } from '../mapping/catalog.js';
import type { Finding } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import { RUN_ID, missingText, runFindings, runStatus, runSummary } from './run.js';

/** RFC 9457 problem details; `type` URIs name dutyscan's own problem kinds. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  get type(): string {
    return `https://dutyscan.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  }
}

const PROBLEM_JSON = 'application/problem+json';
/** Scans take minutes: by then the queue has moved. */
const QUEUE_FULL_RETRY_SECONDS = 60;
/** JSON and problems load nothing and are framed by nobody; the HTML reports send their own policy. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
  return reply
    .code(problem.status)
    .type(PROBLEM_JSON)
    .send({ type: problem.type, title: problem.title, status: problem.status, ...(problem.detail ? { detail: problem.detail } : {}), instance: request.url, ...problem.extra });
}

function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'body' | 'path'): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new Problem(400, 'Invalid request', `the ${where} does not match what this endpoint accepts`, {
    errors: result.error.issues.map((i) => ({ pointer: `/${[where, ...i.path.map(String)].join('/')}`, detail: i.message })),
  });
}

/**
 * Tokens from the environment variable or the secret file (one per line, for rotation). A token
 * too short to resist guessing is a configuration mistake, named by where it came from.
 */
export function loadTokens(api: ServiceConfig['api'], env: NodeJS.ProcessEnv = process.env): string[] {
  const tokens: { token: string; from: string; line?: number }[] = [];
  const fromEnv = env[api.tokenEnv]?.trim();
  if (fromEnv) tokens.push({ token: fromEnv, from: `$${api.tokenEnv}` });
  if (api.tokenFile) {
    let text: string;
    try {
      text = readFileSync(api.tokenFile, 'utf8');
    } catch (e) {
      throw new ConfigError(api.tokenFile, '', undefined, `cannot read the API token file: ${(e as Error).message}`);
    }
    text.split('\n').forEach((line, i) => {
      if (line.trim()) tokens.push({ token: line.trim(), from: api.tokenFile!, line: i + 1 });
    });
  }
  for (const t of tokens) {
    if (t.token.length < 16) throw new ConfigError(t.from, '', t.line, 'an API token must be at least 16 characters long');
  }
  return tokens.map((t) => t.token);
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Compares digests, which have equal lengths, so neither length nor content leaks through timing. */
export function tokenMatches(presented: string, tokens: readonly string[]): boolean {
  const p = digest(presented);
  let ok = false;
  for (const t of tokens) ok = timingSafeEqual(p, digest(t)) || ok;
  return ok;
}

const limit = z.coerce.number().int().min(1).max(500).default(50);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

const scansQuery = z.strictObject({
  limit,
  cursor: z.string().min(1).optional(),
  schedule: z.string().min(1).optional(),
  status: z.enum(SCAN_STATUSES).optional(),
});

const findingsQuery = z.strictObject({
  limit,
  cursor: z.string().min(1).optional(),
  status: z.enum(STATUSES).optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  provider: providerIdSchema.optional(),
  account: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  check: z.string().min(1).optional(),
  duty: z.string().min(1).optional(),
  muted: bool.optional(),
  /** Open failures past (or within) their contract's cure period, as of the request. */
  overdue: bool.optional(),
});

const scanBody = z
  .strictObject({ schedule: z.string().min(1).optional(), scope: scanScopeSchema.optional() })
  .refine((b) => (b.schedule === undefined) !== (b.scope === undefined), 'give either "schedule" (a configured schedule\'s scope) or "scope"');

const scanParams = z.strictObject({ id: z.string().min(1).max(100) });

/** `?format=md` is the contract report in Markdown, the auditor's document. */
const REPORT_ALIASES: Readonly<Record<string, string>> = { md: 'contract-md' };

/** The report formats of the output registry (all but the terminal table), with their aliases. */
export function registryFormats(): Pick<ServerOptions, 'formats' | 'formatIds'> {
  const ids = [...formatters.keys()].filter((id) => id !== 'table');
  const aliases = Object.keys(REPORT_ALIASES).filter((a) => formatters.has(REPORT_ALIASES[a]!) && !formatters.has(a));
  return {
    formatIds: [...ids, ...aliases],
    formats: (id, context) => {
      const target = formatters.has(id) ? id : REPORT_ALIASES[id];
      return target && formatters.has(target) ? formatter(target, context) : undefined;
    },
  };
}

export interface ServerOptions {
  readonly coordinator: ScanCoordinator;
  readonly store: HistoryStore;
  readonly metrics: ServiceMetrics;
  readonly schedules: readonly Schedule[];
  readonly tokens: readonly string[];
  readonly log: Logger;
  /** Report formats by `?format=` name. */
  readonly formats: (id: string, context: { contract?: { id: string; title: string }; scanId: string }) => Formatter | undefined;
  readonly formatIds: readonly string[];
  /** Where the server will listen: without tokens, only loopback is allowed. */
  readonly host: string;
  readonly nextRuns?: () => { schedule: string; next: string | null }[];
  /** Signs page cursors; a random key per process when absent. */
  readonly cursorKey?: string | undefined;
  /** What `POST /attestations` checks sign-offs against, and whose validity periods `GET /attestations` applies. */
  readonly attestations: { readonly obligations: ReadonlyMap<string, Obligation>; readonly contract: ContractProfile };
  /** What a run's merged summary rolls up to (the bundled catalog when absent). */
  readonly catalog?: Catalog | undefined;
}

const scanView = (s: ScanRecord, detail: boolean) => ({
  id: s.id,
  status: s.status,
  schedule: s.schedule,
  trigger: s.trigger,
  scope: s.scope,
  startedAt: s.startedAt,
  finishedAt: s.finishedAt,
  durationMs: s.durationMs,
  findings: s.findings,
  compactedAt: s.compactedAt,
  counts: s.counts,
  drift: s.drift,
  totalApiCalls: s.totalApiCalls,
  errors: s.errors.length,
  message: s.message,
  ...(detail ? { apiCalls: s.apiCalls, collectionErrors: s.errors, summary: s.summary } : {}),
  links: { self: `/scans/${s.id}`, report: `/scans/${s.id}/report`, changes: `/scans/${s.id}/changes` },
});

/** A finding as it stands now: its due date holds while it is open, and whether it is overdue is a matter of today, not of the last scan. */
const findingView = (f: FindingState, now = new Date()) => {
  const { dueAt: _due, overdue: _overdue, ...finding } = f.finding;
  const due = dueAtOf(f);
  return {
    lifecycle: f.lifecycle,
    failingSince: f.failingSince,
    lastScanId: f.lastScanId,
    ...finding,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
    ...(due ? { dueAt: due, overdue: isOverdue(due, now) } : {}),
  };
};

/** The HTTP API: health, metrics, on-demand scans, history and reports. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { coordinator, store, metrics, tokens, log } = options;
  const cursors = new CursorSigner(options.cursorKey);
  const issued = (cursor: string | undefined): string | undefined => {
    if (cursor === undefined) return undefined;
    const opened = cursors.open(cursor);
    if (opened === undefined) throw new Problem(400, 'Invalid cursor', 'the cursor is not one this server issued (cursors lapse when the service restarts): start again without one');
    return opened;
  };
  const exposed = tokens.length === 0 ? await whyNotLoopback(options.host) : undefined;
  if (exposed) throw new Error(`refusing to serve the API without a token: ${exposed}; set the token environment variable or tokenFile, or bind to 127.0.0.1`);
  if (tokens.length === 0) log.warn({ host: options.host }, 'API without authentication: only reachable on loopback');

  // Request logging is off through the log controller: the top-level disableRequestLogging is deprecated (FSTDEP023).
  const app = Fastify({ loggerInstance: log as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 64 * 1024 });
  const open = new Set(['/healthz', '/readyz']);

  app.addHook('onRequest', async (request) => {
    if (tokens.length === 0 || open.has(request.routeOptions.url ?? '')) return;
    const header = request.headers.authorization;
    const challenge = { 'www-authenticate': 'Bearer realm="dutyscan"' };
    if (!header) throw new Problem(401, 'Unauthorized', 'send the API token as "Authorization: Bearer <token>"', {}, challenge);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !tokenMatches(match[1]!, tokens)) {
      throw new Problem(401, 'Unauthorized', 'the token is not valid', {}, { 'www-authenticate': 'Bearer realm="dutyscan", error="invalid_token"' });
    }
  });

  // Everything the API answers holds findings or is about them: no caching, no sniffing, no framing.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', API_CSP);
  });

  app.setErrorHandler((error: FastifyError | Problem | Error, request, reply) => {
    if (error instanceof Problem) return sendProblem(reply, request, error);
    if (error instanceof InvalidCursorError) return sendProblem(reply, request, new Problem(400, 'Invalid cursor', error.message));
    const status = 'statusCode' in error && typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) log.error({ err: error, url: request.url }, 'request failed');
    return sendProblem(reply, request, new Problem(status, status === 500 ? 'Internal error' : 'Bad request', status === 500 ? 'see the service log' : error.message));
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, new Problem(404, 'Not found', `no route ${request.method} ${request.url.split('?')[0]}`)));

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    if (coordinator.isStopping) return sendProblem(reply, request, new Problem(503, 'Stopping', 'the service is shutting down'));
    try {
      const version = await store.schemaVersion();
      return { status: 'ready', store: store.kind, schemaVersion: version };
    } catch (e) {
      return sendProblem(reply, request, new Problem(503, 'Store unavailable', e instanceof Error ? e.message : String(e)));
    }
  });

  app.get('/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.render()));

  app.post('/scans', async (request, reply) => {
    const body = validate(scanBody, request.body, 'body');
    let scope: ScanScope;
    let schedule: string | undefined;
    if (body.schedule !== undefined) {
      const s = options.schedules.find((x) => x.name === body.schedule);
      if (!s) throw new Problem(404, 'Unknown schedule', `no schedule "${body.schedule}"; configured: ${options.schedules.map((x) => x.name).join(', ') || 'none'}`);
      scope = s.scope;
      schedule = s.name;
    } else {
      scope = body.scope!;
    }
    const result = coordinator.trigger(scope, { trigger: 'api', schedule });
    if (!result.accepted) {
      if (result.reason === 'stopping') throw new Problem(503, 'Stopping', 'the service is shutting down and takes no new scans');
      if (result.reason === 'queue-full') {
        const waiting = coordinator.activity().queued.length;
        throw new Problem(429, 'Queue full', `${waiting} scans are waiting to run (service.maxQueuedScans); try again later`, {}, { 'retry-after': String(QUEUE_FULL_RETRY_SECONDS) });
      }
      throw new Problem(409, 'Scan already running', 'a scan of this scope is running or queued', { scanId: result.scanId, links: { scan: `/scans/${result.scanId}` } });
    }
    return reply.code(202).header('location', `/scans/${result.scanId}`).send({ id: result.scanId, status: 'queued', links: { self: `/scans/${result.scanId}` } });
  });

  // Sign-offs for obligations no API can prove: the same document as `scan --attestations`, in JSON.
  app.post('/attestations', async (request, reply) => {
    const body = validate(attestationsFileSchema, request.body, 'body');
    const now = new Date();
    const problems = attestationProblems(body.attestations, options.attestations.obligations, now);
    if (problems.length > 0) {
      throw new Problem(400, 'Invalid request', 'the body does not match what this endpoint accepts', {
        errors: problems.map((p) => ({ pointer: `/${['body', ...p.path.map(String)].join('/')}`, detail: p.message })),
      });
    }
    const added = new Set((await store.addAttestations(body.attestations, now.toISOString())).map((a) => a.id));
    const all = attestationStatuses(await store.listAttestations(), options.attestations.contract, now);
    return reply.code(201).header('location', '/attestations').send({ items: all.filter((a) => added.has(a.id)) });
  });

  app.get('/attestations', async () => {
    const now = new Date();
    return { items: attestationStatuses(await store.listAttestations(), options.attestations.contract, now) };
  });

  app.get('/scans', async (request) => {
    const q = validate(scansQuery, request.query, 'query');
    const page = await store.listScans({ ...q, cursor: issued(q.cursor) });
    return {
      items: page.items.map((s) => scanView(s, false)),
      ...(page.next ? { next: cursors.sign(page.next) } : {}),
      activity: coordinator.activity(),
      ...(options.nextRuns ? { schedules: options.nextRuns() } : {}),
    };
  });

  async function findScan(id: string): Promise<ScanRecord> {
    const scan = await store.getScan(id);
    if (!scan) {
      const queued = coordinator.activity().queued.some((j) => j.scanId === id);
      if (queued) throw new Problem(404, 'Scan not started', `scan ${id} is queued and has no record yet`, { scanStatus: 'queued' });
      throw new Problem(404, 'Scan not found', `no scan ${id}`);
    }
    return scan;
  }

  /** A scan whose findings retention removed has no report and no changes to list. */
  function withFindings(scan: ScanRecord): ScanRecord {
    if (scan.compactedAt === null) return scan;
    throw new Problem(410, 'Findings compacted', `the findings of scan ${scan.id} were removed on ${scan.compactedAt} (service.keepFindings); its counts, drift and summary remain at /scans/${scan.id}, each finding's transitions at /findings/{id}`);
  }

  app.get('/scans/:id', async (request) => scanView(await findScan(validate(scanParams, request.params, 'path').id), true));

  app.get('/scans/:id/report', async (request, reply) => {
    const { id } = validate(scanParams, request.params, 'path');
    const { format } = validate(z.strictObject({ format: z.enum(options.formatIds as [string, ...string[]]).default('json') }), request.query, 'query');
    const scan = withFindings(await findScan(id));
    if (!scan.summary) throw new Problem(409, 'No report', `scan ${id} is ${scan.status} and has no summary to report`);
    async function* findings(): AsyncGenerator<Finding> {
      // Not the open findings this scan resolved by no longer seeing them: they are not its results.
      for await (const row of store.scanFindings(scan.id)) if (seenByScan(row)) yield row.finding;
    }
    return sendReport(reply, format, scan.summary, findings(), scan.id);
  });

  /** A report of one scan (or run) in `format`, streamed: the summary frames the findings. */
  function sendReport(reply: FastifyReply, format: string, summary: ScanSummary, findings: AsyncIterable<Finding>, id = summary.id): FastifyReply {
    const f = options.formats(format, { contract: summary.contract, scanId: id });
    if (!f) throw new Problem(400, 'Unknown format', `no format "${format}"`);
    async function* render(): AsyncGenerator<string> {
      if (f!.header) yield f!.header(summary);
      if (f!.begin) yield f!.begin();
      let index = 0;
      for await (const finding of findings) if (f!.finding) yield f!.finding(finding, index++);
      yield f!.end(summary);
    }
    reply.type(f.mediaType).header('content-disposition', `attachment; filename="dutyscan-${id}.${f.extension}"`);
    if (f.contentSecurityPolicy) reply.header('content-security-policy', f.contentSecurityPolicy);
    return reply.send(Readable.from(render()));
  }

  const runParams = z.strictObject({ id: z.string().regex(RUN_ID, 'a run id (letters, digits and . _ : -)') });

  /** A run (`dutyscan scan --run-id`): its shards as they registered, and its merged summary once all reported. */
  async function findRun(id: string) {
    const shards = await store.runShards(id);
    if (shards.length === 0) throw new Problem(404, 'Run not found', `no run ${id} (dutyscan scan --run-id records one)`);
    return { shards, status: runStatus(id, shards) };
  }

  app.get('/runs/:id', async (request) => {
    const { shards, status } = await findRun(validate(runParams, request.params, 'path').id);
    const summary = status.complete ? await runSummary(store, status, shards, options.catalog ?? loadCatalog()) : undefined;
    return { ...status, ...(summary ? { summary } : {}), links: { self: `/runs/${status.id}`, report: `/runs/${status.id}/report` } };
  });

  app.get('/runs/:id/report', async (request, reply) => {
    const { id } = validate(runParams, request.params, 'path');
    const { format } = validate(z.strictObject({ format: z.enum(options.formatIds as [string, ...string[]]).default('json') }), request.query, 'query');
    const { shards, status } = await findRun(id);
    if (!status.complete) throw new Problem(409, 'Run incomplete', `run ${id}: not reported: ${missingText(status)}`, { missing: status.missing });
    for (const shard of shards) if (shard.scan) withFindings(shard.scan);
    const summary = await runSummary(store, status, shards, options.catalog ?? loadCatalog());
    return sendReport(reply, format, summary, runFindings(store, shards.map((s) => s.scanId)));
  });

  /** What moved in this scan: for SIEMs that pull, with OCSF activity Create, Update or Close. */
  app.get('/scans/:id/changes', async (request, reply) => {
    const { id } = validate(scanParams, request.params, 'path');
    const { format } = validate(z.strictObject({ format: z.enum(['json', 'ocsf']).default('json') }), request.query, 'query');
    const scan = withFindings(await findScan(id));
    async function* changes(): AsyncGenerator<ChangeEvent> {
      for await (const row of store.scanFindings(scan.id)) {
        if (row.change === null || row.change === 'still-failing') continue;
        yield { change: row.change, activity: CHANGE_ACTIVITY[row.change], finding: { ...row.finding, change: row.change } };
      }
    }
    if (format === 'ocsf') {
      async function* lines(): AsyncGenerator<string> {
        for await (const e of changes()) yield `${JSON.stringify(changeToOcsf(e, { id: scan.id, contract: scan.summary?.contract }))}\n`;
      }
      return reply.type('application/x-ndjson').send(Readable.from(lines()));
    }
    const items = [];
    for await (const e of changes()) items.push(e);
    return { scan: scan.id, drift: scan.drift, items };
  });

  /** One finding as it stands, and how it got there: every status change with the scan that saw it. */
  app.get('/findings/:id', async (request) => {
    const { id } = validate(z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/, 'a finding id (32 hex digits)') }), request.params, 'path');
    const state = (await store.findingStates([id])).get(id);
    if (!state) throw new Problem(404, 'Finding not found', `no finding ${id} in the history`);
    return { ...findingView(state), transitions: await store.transitions(id) };
  });

  app.get('/findings', async (request) => {
    const q = validate(findingsQuery, request.query, 'query');
    const { check, overdue, ...rest } = q;
    const now = new Date();
    const page = await store.listFindings({
      ...rest, cursor: issued(rest.cursor), checkId: check, ...(overdue !== undefined ? { overdue: { at: now.toISOString(), value: overdue } } : {}),
    });
    return { items: page.items.map((f) => findingView(f, now)), ...(page.next ? { next: cursors.sign(page.next) } : {}) };
  });

  return app;
}
