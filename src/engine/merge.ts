import type { Attestation } from '../attestation/schema.js';
import type { Finding } from '../core/finding.js';
import type { CollectionError, ProviderId } from '../core/observed.js';
import type { ScanSummary } from '../core/summary.js';
import type { Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';
import { summarise } from './summarise.js';
import { Tally } from './tally.js';

/** What the parts of one scan ran with; the same for every part. */
export interface MergeContext {
  readonly catalog: Catalog;
  readonly contract: ContractProfile;
  /** The ids of the checks the parts ran. */
  readonly checks: readonly string[];
  readonly attestations: readonly Attestation[];
  /** When the sign-offs are judged: as the scan in one piece would have. */
  readonly now: Date;
}

type Account = ScanSummary['accounts'][number];

const byKey = <T>(items: Iterable<T>, key: (item: T) => string): T[] =>
  [...new Map([...items].map((item) => [key(item), item])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);

const errorKey = (e: CollectionError): string => [e.provider, e.account, e.region, e.operation, e.code].join('\u0000');

const addUp = (records: readonly (Readonly<Record<string, number>> | undefined)[]): Record<string, number> => {
  const total: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r ?? {})) total[k] = (total[k] ?? 0) + n;
  return total;
};

/**
 * One scan from its parts (the shards of a run, each scanned by its own pod, or the workers of
 * one process): each part's summary says what it planned, reached, called and could not see; the
 * findings of all parts are counted again, once, and `summarise` makes the one summary, so a scan
 * made in parts reports what it would have in one piece. Whatever lists the parts produce
 * (accounts, errors) come out in one canonical order, however the scan was split.
 * `findings`: every part's findings, each once.
 */
export async function mergeScans(parts: readonly ScanSummary[], findings: Iterable<Finding> | AsyncIterable<Finding>, context: MergeContext): Promise<ScanSummary> {
  const first = parts[0];
  if (!first) throw new RangeError('a merged scan needs at least one part');
  const tally = new Tally();
  for await (const finding of findings) tally.add(finding);
  for (const part of parts) for (const error of part.errors) tally.addError(error);

  const started = parts.reduce((min, p) => (p.startedAt < min ? p.startedAt : min), first.startedAt);
  const finished = parts.reduce((max, p) => (p.finishedAt > max ? p.finishedAt : max), first.finishedAt);
  // Every part lists the accounts it discovered, whether its shard owns them or not: each once.
  const accounts = byKey<Account>(parts.flatMap((p) => p.accounts), (a) => `${a.provider}\u0000${a.account}`);
  const expired = byKey(parts.flatMap((p) => p.expiredMutes), (m) => String(m.rule).padStart(10, '0'));
  const summary = summarise({
    started: new Date(started),
    source: first.source,
    providers: [...new Set<ProviderId>(parts.flatMap((p) => p.providers))],
    checks: context.checks.map((id) => ({ id })),
    catalog: context.catalog,
    contract: context.contract,
    tally,
    mutelist: { expired: () => expired },
    progress: {
      accounts,
      scopesPlanned: parts.reduce((n, p) => n + p.scopes.planned, 0),
      scopesDone: parts.reduce((n, p) => n + p.scopes.done, 0),
    },
    apiStats: parts.map((p) => ({ calls: p.apiCalls, retries: p.retries, totalCalls: p.totalApiCalls, rateLimitWaitMs: p.rateLimitWaitMs })),
    collectionMode: Object.assign({}, ...parts.map((p) => p.collectionMode)) as ScanSummary['collectionMode'],
    now: context.now,
    attestations: context.attestations,
  });
  const unconfirmed = addUp(parts.map((p) => p.unconfirmed));
  return {
    ...summary,
    finishedAt: finished,
    durationMs: Date.parse(finished) - Date.parse(started),
    errors: byKey(summary.errors, errorKey),
    undelivered: addUp(parts.map((p) => p.undelivered)),
    ...(Object.keys(unconfirmed).length > 0 ? { unconfirmed } : {}),
  };
}
