import type { Attestation } from '../attestation/schema.js';
import type { ContractProfile } from '../mapping/schema.js';
import type { Severity } from '../core/check.js';
import type { Finding, Status } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import type { MuteEntry } from '../config/schema.js';
import type { ScanScope } from '../service/config.js';

export const SCAN_STATUSES = ['running', 'completed', 'interrupted', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/**
 * Where a finding stands across scans. `open`: failing at the last look; `resolved`: failed once,
 * since seen passing (or gone); `clean`: never failed. An ERROR leaves it where it was: not being
 * able to look is not a resolution.
 */
export const LIFECYCLES = ['open', 'resolved', 'clean'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const CHANGES = ['new', 'still-failing', 'resolved', 'regressed', 'muted', 'mute-expired'] as const;
export type Change = (typeof CHANGES)[number];

/** `shard`: one shard of a run (`dutyscan scan --run-id`), recorded by the pod that scanned it. */
export type Trigger = 'schedule' | 'api' | 'shard';

export interface ScanRecord {
  readonly id: string;
  readonly schedule: string | null;
  readonly trigger: Trigger;
  /** Canonical form of the scope: scans with equal keys are compared with each other. */
  readonly scopeKey: string;
  readonly scope: ScanScope;
  readonly status: ScanStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly findings: number;
  readonly counts: ScanSummary['counts'] | null;
  readonly apiCalls: ScanSummary['apiCalls'] | null;
  readonly totalApiCalls: number;
  readonly errors: ScanSummary['errors'];
  /** Why the scan failed or was interrupted. */
  readonly message: string | null;
  readonly summary: ScanSummary | null;
  /** Findings per change since the previous state (new, resolved, ...). */
  readonly drift: Partial<Record<Change, number>>;
  /** When retention removed the scan's findings (its report and changes); null while it has them. */
  readonly compactedAt: string | null;
}

/** Which scans keep every finding: the last `scans` of each scope, none started before `before`; either may be absent. */
export interface FindingsRetention {
  readonly scans?: number | undefined;
  readonly before?: string | undefined;
}

export interface NewScan {
  readonly id: string;
  readonly schedule: string | null;
  readonly trigger: Trigger;
  readonly scopeKey: string;
  readonly scope: ScanScope;
  readonly startedAt: string;
  /** The mutelist in force when the scan ran, with each entry's expiry as of then. */
  readonly mutes: readonly { readonly rule: number; readonly entry: MuteEntry; readonly expired: boolean }[];
}

export interface ScanOutcome {
  readonly status: Exclude<ScanStatus, 'running'>;
  readonly finishedAt: string;
  readonly summary: ScanSummary | null;
  readonly message: string | null;
  readonly drift: Partial<Record<Change, number>>;
}

/** The stored state of one finding id (check x resource). */
export interface FindingState {
  readonly id: string;
  readonly checkId: string;
  readonly provider: string;
  readonly account: string;
  readonly region: string;
  readonly resourceId: string;
  readonly severity: Severity;
  readonly duty: string;
  readonly status: Status;
  readonly muted: boolean;
  readonly lifecycle: Lifecycle;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** When the current failing streak started; null unless open. */
  readonly failingSince: string | null;
  readonly lastScanId: string;
  /** The finding as last seen, with firstSeen/lastSeen filled in. */
  readonly finding: Finding;
}

/** When an open, unmuted failure must be cured by (README: Contract deadlines); null for anything else. */
export const dueAtOf = (s: Pick<FindingState, 'lifecycle' | 'status' | 'muted' | 'finding'>): string | null =>
  s.lifecycle === 'open' && s.status === 'FAIL' && !s.muted ? (s.finding.dueAt ?? null) : null;

/** One finding's outcome in one scan: its new state, what it was seen as, and the change if any. */
export interface FindingUpdate {
  readonly state: FindingState;
  readonly previous: FindingState | undefined;
  readonly change: Change | null;
  /** Whether the scan saw the finding itself (false: resolved because it is gone from a looked-at cell). */
  readonly observed: boolean;
}

export interface Transition {
  readonly scanId: string;
  readonly at: string;
  readonly from: Status | null;
  readonly to: Status;
  readonly change: Change | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back to get the next page; absent on the last page. */
  readonly next?: string;
}

export interface ScanQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly schedule?: string | undefined;
  readonly status?: ScanStatus | undefined;
  readonly scopeKey?: string | undefined;
}

export interface FindingQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly status?: Status | undefined;
  readonly lifecycle?: Lifecycle | undefined;
  readonly severity?: Severity | undefined;
  readonly provider?: string | undefined;
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly checkId?: string | undefined;
  readonly duty?: string | undefined;
  readonly muted?: boolean | undefined;
  /** Only findings whose due date had (`value: true`) or had not passed at `at`. */
  readonly overdue?: { readonly at: string; readonly value: boolean } | undefined;
}

export interface ScanFindingRow {
  readonly finding: Finding;
  readonly change: Change | null;
}

/** A sign-off as the store keeps it: never edited; a newer one for the same obligation supersedes it. */
export interface StoredAttestation extends Attestation {
  readonly id: string;
  readonly recordedAt: string;
}

/**
 * What a run's report needs besides its shards' findings and summaries, as each shard ran:
 * the checks it ran (their obligations are assessed), the contract profile, the sign-offs and
 * when it judged them. Kept with each shard so the report needs neither the shards' flags nor files.
 */
export interface RunContext {
  readonly checks: readonly string[];
  readonly contract: ContractProfile;
  readonly attestations: readonly Attestation[];
  readonly now: string;
}

/** One shard of a run (`dutyscan scan --run-id ID --shard i/n`): its scan, recorded like any other. */
export interface NewRunShard {
  readonly runId: string;
  readonly index: number;
  readonly count: number;
  readonly scanId: string;
  readonly context: RunContext;
  readonly recordedAt: string;
}

export interface RunShard extends NewRunShard {
  /** The shard's scan; undefined when it never started (or retention removed it). */
  readonly scan: ScanRecord | undefined;
}

/** The scan history: SQLite by default, PostgreSQL for shared or larger deployments. */
export interface HistoryStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Apply migrations up to `target` (the latest by default). Returns the version reached. */
  migrate(target?: number): Promise<number>;
  schemaVersion(): Promise<number>;
  startScan(scan: NewScan): Promise<void>;
  finishScan(id: string, outcome: ScanOutcome): Promise<void>;
  /** Scans left `running` by a process that died: mark them interrupted. */
  abandonRunningScans(message: string, at: string): Promise<number>;
  getScan(id: string): Promise<ScanRecord | undefined>;
  listScans(query: ScanQuery): Promise<Page<ScanRecord>>;
  /** The latest finished scan with this scope key started before `before`. */
  previousScan(scopeKey: string, before: string): Promise<ScanRecord | undefined>;
  findingStates(ids: readonly string[]): Promise<Map<string, FindingState>>;
  /** Open findings of these accounts, to find those a scan no longer saw. */
  openFindings(provider: string, account: string): Promise<FindingState[]>;
  /** Persist one batch of a scan's results (states, per-scan rows, transitions) atomically. */
  record(scanId: string, at: string, updates: readonly FindingUpdate[]): Promise<void>;
  scanFindings(scanId: string): AsyncIterable<ScanFindingRow>;
  listFindings(query: FindingQuery): Promise<Page<FindingState>>;
  /** Open failures whose due date had passed at `at`. */
  countOverdue(at: string): Promise<number>;
  /** A finding's status transitions, oldest first. */
  transitions(findingId: string): Promise<Transition[]>;
  /** Delete finished scans started before `before`, with their findings, transitions and mutes. Current finding states stay. */
  prune(before: string): Promise<number>;
  /**
   * Delete the findings of finished scans beyond `retention`, recording when; the scans keep
   * their counts, drift, summary and mutes, and the findings their states and transitions.
   * Returns how many scans were compacted.
   */
  compact(retention: FindingsRetention, at: string): Promise<number>;
  /** Make the space of deleted and rewritten rows reusable for the next scan (PostgreSQL: VACUUM; SQLite does it by itself). */
  reclaim(): Promise<void>;
  /** Bytes the store occupies: SQLite's database pages, or dutyscan's PostgreSQL tables with their indexes. */
  sizeBytes(): Promise<number>;
  /** Register a shard of a run before its scan starts; a retried shard replaces the attempt before it. */
  addRunShard(shard: NewRunShard): Promise<void>;
  /** The shards of a run that registered, by index. */
  runShards(runId: string): Promise<RunShard[]>;
  /** Record sign-offs (`POST /attestations`), all or none. */
  addAttestations(attestations: readonly Attestation[], recordedAt: string): Promise<StoredAttestation[]>;
  /** Every sign-off recorded, oldest first (by date signed, then recorded). */
  listAttestations(): Promise<StoredAttestation[]>;
  close(): Promise<void>;
}
