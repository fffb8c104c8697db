import { withDeadline } from '../core/deadline.js';
import type { Finding, FindingChange } from '../core/finding.js';
import { GLOBAL_REGION } from '../core/resource.js';
import type { ScanSummary } from '../core/summary.js';
import { CHANGE_ACTIVITY, toOcsf, type OcsfEvent } from '../output/ocsf.js';
import type { Change, FindingState, FindingUpdate, Lifecycle, ScanFindingRow } from '../store/types.js';

/**
 * Drift: how each finding moved since the last time its cell was looked at. A cell is
 * (provider, account, region, check): the unit a scan either evaluated or did not. Findings
 * outside the cells a scan evaluated keep their state, so an hourly IAM-only scan never resolves
 * last night's storage findings, and a region the scan could not list resolves nothing.
 */
export const cellKey = (f: { readonly provider: string; readonly account: string; readonly region: string }, checkId: string): string =>
  `${f.provider}\u0000${f.account}\u0000${f.region}\u0000${checkId}`;

/** The cells a scan evaluated, and those it only saw as "could not list" (blind). */
export class Coverage {
  private readonly seen = new Set<string>();
  private readonly blind = new Set<string>();
  readonly accounts = new Map<string, { provider: string; account: string }>();

  /** `regions`: the scan's region filter, when it has one; results outside it are never concluded on. */
  constructor(private readonly regions?: readonly string[]) {}

  add(f: Finding): void {
    const key = cellKey(f.resource, f.check.id);
    this.accounts.set(`${f.resource.provider}\u0000${f.resource.account}`, { provider: f.resource.provider, account: f.resource.account });
    // The engine reports an unlistable scope as one ERROR on the scope's pseudo-resource: that cell was not looked at.
    if (f.status === 'ERROR' && f.error?.origin === 'collection' && f.resource.type.endsWith('.scope')) this.blind.add(key);
    else this.seen.add(key);
  }

  /**
   * Whether an absent finding of this cell can be taken as gone: its cell was evaluated and not
   * blind. An account-wide listing (region `global`, e.g. S3 buckets, whose resources each carry
   * their own region) evaluated the check in every region of the account, so it covers them too.
   */
  looked(state: Pick<FindingState, 'provider' | 'account' | 'region' | 'checkId'>): boolean {
    if (this.regions && state.region !== GLOBAL_REGION && !this.regions.includes(state.region)) return false;
    const key = cellKey(state, state.checkId);
    if (this.blind.has(key)) return false;
    if (this.seen.has(key)) return true;
    const accountWide = cellKey({ ...state, region: GLOBAL_REGION }, state.checkId);
    return this.seen.has(accountWide) && !this.blind.has(accountWide);
  }
}

/** The change a finding seen by a scan represents, and its new lifecycle. */
export function classify(finding: Finding, previous: FindingState | undefined): { change: Change | null; lifecycle: Lifecycle } {
  const before: Lifecycle = previous?.lifecycle ?? 'clean';
  switch (finding.status) {
    case 'FAIL':
      if (before === 'clean') return { change: 'new', lifecycle: 'open' };
      if (before === 'resolved') return { change: 'regressed', lifecycle: 'open' };
      if (finding.muted && !previous?.muted) return { change: 'muted', lifecycle: 'open' };
      if (!finding.muted && previous?.muted) return { change: 'mute-expired', lifecycle: 'open' };
      return { change: 'still-failing', lifecycle: 'open' };
    case 'ERROR':
    case 'NOT_ASSESSED':
      // We could not tell (or did not look): keep whatever the finding was.
      return { change: null, lifecycle: before };
    case 'PASS':
    case 'NOT_APPLICABLE':
      return before === 'open' ? { change: 'resolved', lifecycle: 'resolved' } : { change: null, lifecycle: before };
  }
}

/** A finding seen by scan `scanId` at `at`, against its stored state. */
export function observe(finding: Finding, previous: FindingState | undefined, scanId: string, at: string): FindingUpdate {
  const { change, lifecycle } = classify(finding, previous);
  const firstSeen = previous?.firstSeen ?? at;
  const failingSince = lifecycle !== 'open' ? null : change === 'new' || change === 'regressed' ? at : (previous?.failingSince ?? at);
  // A cure period runs from when the failure began (a regression starts a new one), not from when the resource was first seen passing.
  const annotated: Finding = withDeadline({ ...finding, firstSeen, lastSeen: at }, failingSince ?? at, new Date(at));
  return {
    previous,
    change,
    observed: true,
    state: {
      id: finding.id,
      checkId: finding.check.id,
      provider: finding.resource.provider,
      account: finding.resource.account,
      region: finding.resource.region,
      resourceId: finding.resource.id,
      severity: finding.severity,
      duty: finding.check.duty,
      status: finding.status,
      muted: finding.muted,
      lifecycle,
      firstSeen,
      lastSeen: at,
      failingSince,
      lastScanId: scanId,
      finding: annotated,
    },
  };
}

/**
 * An open finding the scan looked for (its cell was evaluated) and did not see: the resource is
 * gone or no longer in scope of the check, so the failure is resolved. `lastSeen` stays when it was.
 */
export function vanish(previous: FindingState, scanId: string): FindingUpdate {
  return {
    previous,
    change: 'resolved',
    observed: false,
    state: { ...previous, lifecycle: 'resolved', failingSince: null, lastScanId: scanId },
  };
}

/**
 * A row the scan saw, as opposed to an open finding it resolved because its cell was looked at
 * and the finding was gone (`vanish`: the row keeps the finding as last seen, failing). A seen
 * finding is resolved only by passing or no longer applying. A scan's report lists only these.
 */
export const seenByScan = (row: ScanFindingRow): boolean => row.change !== 'resolved' || row.finding.status === 'PASS' || row.finding.status === 'NOT_APPLICABLE';

export const countChanges = (updates: Iterable<FindingUpdate>, into: Partial<Record<Change, number>> = {}): Partial<Record<Change, number>> => {
  for (const u of updates) if (u.change !== null) into[u.change] = (into[u.change] ?? 0) + 1;
  return into;
};

export interface ChangeEvent {
  readonly change: FindingChange;
  readonly activity: (typeof CHANGE_ACTIVITY)[FindingChange];
  /** The finding as it now stands, with `change` set, so every format and sink can say what moved. */
  readonly finding: Finding;
}

/** What changes-only sinks receive: every finding that moved, and nothing that merely stayed failing. */
export function changeEvents(updates: Iterable<FindingUpdate>): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const u of updates) {
    if (u.change === null || u.change === 'still-failing') continue;
    events.push({ change: u.change, activity: CHANGE_ACTIVITY[u.change], finding: { ...u.state.finding, change: u.change } });
  }
  return events;
}

/** A change as an OCSF Compliance Finding whose activity says Create, Update or Close. */
export function changeToOcsf(event: ChangeEvent, summary: { readonly id: string; readonly contract?: ScanSummary['contract'] | undefined }): OcsfEvent {
  return toOcsf(event.finding, { scanId: summary.id, contract: summary.contract });
}
