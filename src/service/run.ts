import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Finding } from '../core/finding.js';
import type { ProviderId } from '../core/observed.js';
import type { Shard } from '../core/shard.js';
import type { ScanSummary } from '../core/summary.js';
import { mergeScans } from '../engine/merge.js';
import type { Catalog } from '../mapping/catalog.js';
import type { Change, HistoryStore, NewScan, RunContext, RunShard, ScanFindingRow, ScanRecord } from '../store/types.js';
import { seenByScan } from './drift.js';
import { ScanCoordinator, scopeKey } from './scheduler.js';

/**
 * A run: one scan of an organisation made by several pods (the shards of a Kubernetes Indexed
 * Job), each recording its shard as a scan of the shared store under the run's id. The run's
 * report is the merge of its shards' once every shard has reported.
 */

/** A run id names a Job (or whatever the operator chose): printable, and short enough for a URL path. */
export const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export interface RunStatus {
  readonly id: string;
  /** How many shards the run has (as its shards registered; the largest if they disagree). */
  readonly count: number;
  /** Every shard reported: a completed scan for each index. */
  readonly complete: boolean;
  readonly shards: readonly { readonly index: number; readonly scanId: string; readonly status: ScanRecord['status'] | 'not started' }[];
  /** The shards that have not reported, and why. */
  readonly missing: readonly { readonly index: number; readonly reason: string }[];
  /** What moved since each shard's previous scan, added up. */
  readonly drift: Partial<Record<Change, number>>;
}

export function runStatus(id: string, shards: readonly RunShard[]): RunStatus {
  const count = Math.max(0, ...shards.map((s) => s.count));
  const missing: { index: number; reason: string }[] = [];
  for (let index = 0; index < count; index++) {
    const shard = shards.find((s) => s.index === index);
    const scan = shard?.scan;
    if (!shard) missing.push({ index, reason: 'never started' });
    else if (shard.count !== count) missing.push({ index, reason: `ran as shard ${index}/${shard.count}, not of ${count}` });
    else if (!scan) missing.push({ index, reason: 'registered, but its scan was never recorded' });
    else if (scan.status === 'running') missing.push({ index, reason: 'still running' });
    else if (scan.status !== 'completed') missing.push({ index, reason: `${scan.status}${scan.message ? `: ${scan.message}` : ''}` });
  }
  const drift: Partial<Record<Change, number>> = {};
  for (const s of shards) for (const [change, n] of Object.entries(s.scan?.drift ?? {}) as [Change, number][]) drift[change] = (drift[change] ?? 0) + n;
  return {
    id,
    count,
    complete: count > 0 && missing.length === 0,
    shards: shards.map((s) => ({ index: s.index, scanId: s.scanId, status: s.scan?.status ?? 'not started' })),
    missing,
    drift,
  };
}

/** "shard 1 of 2 (never started)": what an incomplete run's report says instead of a report. */
export const missingText = (status: RunStatus): string =>
  status.missing.map((m) => `shard ${m.index} of ${status.count} (${m.reason})`).join(', ');


/**
 * The findings of these scans in finding-id order, each once (the first scan's when shards share
 * an id, as one scan keeps its first): however the run was split, its findings come in one order.
 * Each scan's rows come sorted; this merges them without holding them.
 */
export async function* runFindings(store: Pick<HistoryStore, 'scanFindings'>, scanIds: readonly string[]): AsyncGenerator<Finding> {
  const streams = scanIds.map((id) => store.scanFindings(id)[Symbol.asyncIterator]());
  const heads = await Promise.all(streams.map((s) => s.next()));
  let last: string | undefined;
  for (;;) {
    let at = -1;
    heads.forEach((h, i) => {
      if (!h.done && (at < 0 || h.value.finding.id < (heads[at]!.value as ScanFindingRow).finding.id)) at = i;
    });
    if (at < 0) return;
    const row = heads[at]!.value as ScanFindingRow;
    heads[at] = await streams[at]!.next();
    if (row.finding.id === last || !seenByScan(row)) continue;
    last = row.finding.id;
    yield row.finding;
  }
}

/** A complete run's one summary: its shards' summaries and findings through mergeScans. */
export async function runSummary(store: Pick<HistoryStore, 'scanFindings'>, status: RunStatus, shards: readonly RunShard[], catalog: Catalog): Promise<ScanSummary> {
  if (!status.complete) throw new Error(`run ${status.id} is incomplete: ${missingText(status)}`);
  const reported = shards.filter((s) => s.count === status.count);
  const compacted = reported.find((s) => s.scan?.compactedAt);
  if (compacted) throw new Error(`the findings of shard ${compacted.index} of run ${status.id} were removed on ${compacted.scan!.compactedAt} (service.keepFindings): the run has no report`);
  const contexts = reported.map((s) => s.context);
  const profiles = [...new Set(contexts.map((c) => c.contract.id))];
  if (profiles.length > 1) throw new Error(`the shards of run ${status.id} used different contract profiles (${profiles.join(', ')}): they cannot make one report`);
  const first = contexts[0]!;
  const summary = await mergeScans(
    reported.map((s) => s.scan!.summary!),
    runFindings(store, reported.map((s) => s.scanId)),
    {
      catalog,
      contract: first.contract,
      checks: [...new Set(contexts.flatMap((c) => c.checks))].sort(),
      attestations: first.attestations,
      now: new Date(contexts.map((c) => c.now).sort()[0]!),
    },
  );
  return { ...summary, id: status.id };
}

export interface ShardRecording {
  readonly store: HistoryStore;
  readonly log: Logger;
  readonly runId: string;
  readonly shard: Shard;
  readonly providers: readonly ProviderId[];
  readonly context: RunContext;
  readonly mutes: NewScan['mutes'];
  /** Aborting it interrupts the scan: it is recorded as interrupted, and resolves nothing. */
  readonly signal: AbortSignal;
}

/**
 * Scan one shard of a run and record it in the store as the service records a scan (finding
 * lifecycles, drift, what is gone resolved), registered under the run. `scan` streams each
 * finding to `emit`; its error, if any, is rethrown once the shard is recorded as failed.
 */
export async function recordShard(
  options: ShardRecording,
  scan: (emit: (finding: Finding) => Promise<void>, signal: AbortSignal) => Promise<ScanSummary>,
): Promise<{ summary: ScanSummary; record: ScanRecord }> {
  const { store, runId, shard } = options;
  const scanId = randomUUID();
  await store.addRunShard({ runId, index: shard.index, count: shard.count, scanId, context: options.context, recordedAt: new Date().toISOString() });
  let summary: ScanSummary | undefined;
  let failure: { error: unknown } | undefined;
  const coordinator = new ScanCoordinator({
    store,
    log: options.log,
    newId: () => scanId,
    mutes: () => options.mutes,
    scan: async (request, emit) => {
      try {
        return (summary = await scan(emit, request.signal));
      } catch (error) {
        failure = { error };
        throw error;
      }
    },
  });
  const stop = () => void coordinator.stop({ graceMs: 60_000 });
  options.signal.addEventListener('abort', stop, { once: true });
  try {
    const scope = { providers: [...options.providers] };
    // Each shard index is its own series: retention keeps the last runs of each, not of the scope's scans overall.
    const key = `${scopeKey(scope)} shard ${shard.index}/${shard.count}`;
    const ticket = coordinator.trigger(scope, { trigger: 'shard', schedule: `run:${runId}`, scopeKey: key });
    if (!ticket.accepted) throw new Error(`the shard could not start: ${ticket.reason}`);
    const record = await ticket.done;
    if (failure) throw failure.error;
    if (!record || !summary) throw new Error(`shard ${shard.index}/${shard.count} of run ${runId} could not be recorded in the ${store.kind} store (see the log)`);
    return { summary, record };
  } finally {
    options.signal.removeEventListener('abort', stop);
  }
}
