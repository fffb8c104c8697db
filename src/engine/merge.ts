import type { Finding } from '../core/finding.js';
import type { CollectionError } from '../core/observed.js';
import type { ScanSummary } from '../core/summary.js';
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

/** The parts as one: accounts and errors in the parts' order, counts and statistics added up. */
export function mergeParts(parts: readonly ScanPart[]): ScanPart {
  return {
    accounts: parts.flatMap((p) => p.accounts),
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
