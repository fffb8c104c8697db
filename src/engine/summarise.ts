import { randomUUID } from 'node:crypto';
import type { AnyCheck } from '../core/check.js';
import type { ProviderId } from '../core/observed.js';
import type { Scope } from '../core/resource.js';
import type { ScanSummary } from '../core/summary.js';
import type { Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';
import { VERSION } from '../util/version.js';
import type { ApiStats } from './api.js';
import type { Mutelist } from './mutelist.js';
import type { Tally } from './tally.js';
import { currentAttestations } from '../attestation/expiry.js';
import type { Attestation } from '../attestation/schema.js';

export interface ScanProgress {
  readonly scopesDone: number;
  readonly scopesPlanned: number;
  readonly apiCalls: number;
  readonly findings: number;
  readonly failing: number;
  /** What each provider still discovering waits for ("aws: assuming roles 12/50"); absent once collecting. */
  readonly waitingFor?: string;
}

type Account = ScanSummary['accounts'][number];

/** Where the scan is, told to `onProgress` as discovery steps and accounts finish. */
export class Progress {
  /** Every account discovery found, entered or not. */
  readonly accounts: Account[] = [];
  scopesPlanned = 0;
  scopesDone = 0;
  apiCalls = 0;
  private readonly discovering = new Map<ProviderId, string>();

  constructor(
    private readonly tally: Tally,
    private readonly onProgress: ((progress: ScanProgress) => void) | undefined,
  ) {}

  found({ provider, account, accountName }: Scope): void {
    this.accounts.push({ provider, account, ...(accountName ? { name: accountName } : {}) });
  }

  planned(count: number): void {
    this.scopesPlanned += count;
  }

  discovery(provider: ProviderId, activity: string | undefined): void {
    if (activity === undefined) this.discovering.delete(provider);
    else this.discovering.set(provider, activity);
    this.report();
  }

  accountDone(): void {
    this.scopesDone++;
    this.report();
  }

  private report(): void {
    const { scopesDone, scopesPlanned, apiCalls, tally } = this;
    const waitingFor = [...this.discovering].map(([provider, activity]) => `${provider}: ${activity}`).join(' · ');
    this.onProgress?.({ scopesDone, scopesPlanned, apiCalls, findings: tally.findings, failing: tally.byStatus.FAIL, ...(waitingFor ? { waitingFor } : {}) });
  }
}

/** What a finished scan did, gathered from its parts. */
export interface ScanRecord {
  readonly started: Date;
  readonly source: ScanSummary['source'];
  readonly providers: readonly ProviderId[];
  /** The checks the scan ran: those of the providers it covered. */
  readonly checks: readonly Pick<AnyCheck, 'id'>[];
  readonly catalog: Catalog;
  readonly contract: ContractProfile;
  readonly tally: Tally;
  readonly mutelist: Pick<Mutelist, 'expired'>;
  readonly progress: Pick<Progress, 'accounts' | 'scopesPlanned' | 'scopesDone'>;
  readonly apiStats: readonly ApiStats[];
  readonly collectionMode: ScanSummary['collectionMode'];
  /** When the scan judges sign-offs (its `now`), and the sign-offs it was given. */
  readonly now: Date;
  readonly attestations: readonly Attestation[];
}

export function summarise(scan: ScanRecord): ScanSummary {
  const { tally, progress, catalog, contract } = scan;
  const finished = new Date();
  const errors = tally.distinctErrors();
  const assessed = new Set(scan.checks.map((c) => c.id));
  const attested = currentAttestations(scan.attestations, contract, scan.now);
  const obligations = tally.obligations(catalog, contract, assessed, attested);
  return {
    id: randomUUID(),
    tool: { name: 'dutyscan', version: VERSION },
    startedAt: scan.started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - scan.started.getTime(),
    source: scan.source,
    providers: [...scan.providers],
    contract: { id: contract.id, title: contract.title },
    scopes: { planned: progress.scopesPlanned, done: progress.scopesDone },
    accounts: progress.accounts,
    checks: scan.checks.length,
    findings: tally.findings,
    counts: { byStatus: tally.byStatus, failBySeverity: tally.failBySeverity, byDuty: tally.dutyTable(), muted: tally.muted },
    obligations,
    clauses: tally.clauses(catalog, contract, assessed, attested),
    notAssessed: tally.notAssessed(),
    ...apiTotals(scan.apiStats),
    errors,
    expiredMutes: scan.mutelist.expired(),
    ...(attested.size > 0 ? { attestations: obligations.flatMap((o) => (o.attestation ? [o.attestation] : [])) } : {}),
    undelivered: {},
    // A scan that reached no account proved nothing: never report it as complete.
    complete: tally.byStatus.ERROR === 0 && errors.length === 0 && progress.scopesPlanned > 0 && progress.scopesDone === progress.scopesPlanned,
    collectionMode: scan.collectionMode,
  };
}

/** Every provider's API statistics, added up. */
function apiTotals(stats: readonly ApiStats[]): Pick<ScanSummary, 'apiCalls' | 'totalApiCalls' | 'retries' | 'rateLimitWaitMs'> {
  const apiCalls: ScanSummary['apiCalls'] = {};
  const retries: Record<string, number> = {};
  let totalApiCalls = 0;
  let rateLimitWaitMs = 0;
  for (const s of stats) {
    for (const [provider, services] of Object.entries(s.calls)) {
      for (const [service, ops] of Object.entries(services)) {
        for (const [op, n] of Object.entries(ops)) {
          ((apiCalls[provider] ??= {})[service] ??= {})[op] = (apiCalls[provider]?.[service]?.[op] ?? 0) + n;
        }
      }
    }
    for (const [k, n] of Object.entries(s.retries)) retries[k] = (retries[k] ?? 0) + n;
    totalApiCalls += s.totalCalls;
    rateLimitWaitMs += s.rateLimitWaitMs;
  }
  return { apiCalls, totalApiCalls, retries, rateLimitWaitMs: Math.round(rateLimitWaitMs) };
}
