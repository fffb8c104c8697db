import type { Attestation } from '../attestation/schema.js';
import type { Finding } from '../core/finding.js';
import type { CollectionError, ProviderId } from '../core/observed.js';
import type { ScanSummary } from '../core/summary.js';
import type { Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';
import type { ApiStats } from './api.js';
import { Progress, summarise, type ScanRecord } from './summarise.js';
import { Tally } from './tally.js';

/**
 * What one part of a scan did besides its findings: the accounts it found, the scopes it planned
 * and finished, the errors it saw, its API statistics and how it collected. A part is a worker
 * process of one scan (`--workers`), or a shard of a run (`--run-id`): parts add up to one scan.
 */
export interface ScanPart {
  readonly accounts: readonly ScanSummary['accounts'][number][];
  readonly scopes: { readonly planned: number; readonly done: number };
  /** Collection errors, including those no finding carries (a scope no selected check applies to). */
  readonly errors: readonly CollectionError[];
  readonly apiStats: readonly ApiStats[];
  readonly collectionMode: ScanSummary['collectionMode'];
}

export const emptyPart = (): ScanPart => ({ accounts: [], scopes: { planned: 0, done: 0 }, errors: [], apiStats: [], collectionMode: {} });

type Account = ScanSummary['accounts'][number];

/**
 * The parts as one: accounts (each once: every shard lists the accounts it discovered, whether it
 * owns them or not) and errors in the parts' order, counts and statistics added up.
 */
export function mergeParts(parts: readonly ScanPart[]): ScanPart {
  return {
    accounts: [...new Map(parts.flatMap((p) => p.accounts).map((a): [string, Account] => [`${a.provider}\u0000${a.account}`, a])).values()],
    scopes: { planned: parts.reduce((n, p) => n + p.scopes.planned, 0), done: parts.reduce((n, p) => n + p.scopes.done, 0) },
    errors: parts.flatMap((p) => p.errors),
    apiStats: parts.flatMap((p) => p.apiStats),
    collectionMode: Object.assign({}, ...parts.map((p) => p.collectionMode)) as ScanSummary['collectionMode'],
  };
}

/** The findings of every part, counted as one stream (a Tally keeps no finding). */
export function tallyOf(findings: Iterable<Finding>): Tally {
  const tally = new Tally();
  for (const f of findings) tally.add(f);
  return tally;
}

/** What a scan's summary needs besides its parts and the tally of its findings. */
export type ScanBase = Omit<ScanRecord, 'tally' | 'progress' | 'apiStats' | 'collectionMode'>;

/**
 * One summary from the parts of a scan and the tally of all their findings: the one summary
 * implementation (summarise.ts), fed with the parts added up.
 */
export function summariseParts(base: ScanBase, tally: Tally, parts: readonly ScanPart[]): ScanSummary {
  const merged = mergeParts(parts);
  for (const e of merged.errors) tally.addError(e);
  const progress = new Progress(tally, undefined);
  progress.accounts.push(...merged.accounts);
  progress.scopesPlanned = merged.scopes.planned;
  progress.scopesDone = merged.scopes.done;
  return summarise({ ...base, tally, progress, apiStats: merged.apiStats, collectionMode: merged.collectionMode });
}

/** What a finished scan's summary says of it as a part of a larger one (a shard of a run). */
export const partOf = (s: ScanSummary): ScanPart => ({
  accounts: s.accounts, scopes: s.scopes, errors: s.errors, collectionMode: s.collectionMode,
  apiStats: [{ calls: s.apiCalls, retries: s.retries, totalCalls: s.totalApiCalls, rateLimitWaitMs: s.rateLimitWaitMs }],
});

/** What the shards of one run ran with; the same for every shard. */
export interface MergeContext {
  readonly catalog: Catalog;
  readonly contract: ContractProfile;
  /** The ids of the checks the shards ran. */
  readonly checks: readonly string[];
  readonly attestations: readonly Attestation[];
  /** When the sign-offs are judged: as the scan in one piece would have. */
  readonly now: Date;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const errorKey = (e: CollectionError): string => [e.provider, e.account, e.region, e.operation, e.code].join('\u0000');

const addUp = (records: readonly (Readonly<Record<string, number>> | undefined)[]): Record<string, number> => {
  const total: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r ?? {})) total[k] = (total[k] ?? 0) + n;
  return total;
};

/**
 * One run from the finished scans of its shards (each scanned by its own pod, `--run-id`) and
 * all their findings, each once: the parts through `summariseParts`, so a run made of shards
 * reports what one scan would have. Accounts, errors and expired mutes come out in one canonical
 * order, however the run was split.
 */
export async function mergeScans(scans: readonly ScanSummary[], findings: Iterable<Finding> | AsyncIterable<Finding>, context: MergeContext): Promise<ScanSummary> {
  const first = scans[0];
  if (!first) throw new RangeError('a merged scan needs at least one part');
  const tally = new Tally();
  for await (const finding of findings) tally.add(finding);
  const started = scans.reduce((min, p) => (p.startedAt < min ? p.startedAt : min), first.startedAt);
  const finished = scans.reduce((max, p) => (p.finishedAt > max ? p.finishedAt : max), first.finishedAt);
  const expired = [...new Map(scans.flatMap((p) => p.expiredMutes).map((m) => [m.rule, m])).values()].sort((a, b) => a.rule - b.rule);
  const summary = summariseParts({
    started: new Date(started),
    source: first.source,
    providers: [...new Set<ProviderId>(scans.flatMap((p) => p.providers))],
    checks: context.checks.map((id) => ({ id })),
    catalog: context.catalog,
    contract: context.contract,
    mutelist: { expired: () => expired },
    now: context.now,
    attestations: context.attestations,
  }, tally, scans.map(partOf));
  const unconfirmed = addUp(scans.map((p) => p.unconfirmed));
  return {
    ...summary,
    finishedAt: finished,
    durationMs: Date.parse(finished) - Date.parse(started),
    accounts: [...summary.accounts].sort((a, b) => byName(`${a.provider}\u0000${a.account}`, `${b.provider}\u0000${b.account}`)),
    errors: [...summary.errors].sort((a, b) => byName(errorKey(a), errorKey(b))),
    undelivered: addUp(scans.map((p) => p.undelivered)),
    ...(Object.keys(unconfirmed).length > 0 ? { unconfirmed } : {}),
  };
}
