import type { Duty, Severity } from './check.js';
import type { Status } from './finding.js';
import type { CollectionError, ProviderId } from './observed.js';

export type StatusCounts = Record<Status, number>;

/**
 * met: only PASS results; not-met: a FAIL; incomplete: ERRORs and no FAIL (never "met" while
 * something could not be seen); not-assessed: a NOT_ASSESSED result (a setting it is judged
 * against is empty), or this scan ran none of its checks (a narrowed selection), and no FAIL or
 * ERROR; attestation: nothing an API can prove; not-applicable: nothing to assess.
 */
export type Fulfilment = 'met' | 'not-met' | 'incomplete' | 'not-assessed' | 'attestation' | 'not-applicable';

interface RolledUp {
  readonly title: string;
  readonly status: Fulfilment;
  /** Unmuted results. */
  readonly counts: StatusCounts;
  /** Muted FAILs: exceptions the mutelist accepts, which do not fail the roll-up but are never hidden. */
  readonly acceptedExceptions: number;
  /** The settings to fill in before what was not assessed can be (whatever the status), sorted. */
  readonly notAssessed: readonly string[];
}

/** What made a met roll-up met: the checks' results, a person's sign-off, or (for a clause) both. */
export type MetBy = 'evidence' | 'attestation';

export interface ClauseStatus extends RolledUp {
  readonly clause: string;
  readonly obligations: readonly string[];
  /** When met: what its met obligations were met by (absent in documents saved before attestations). */
  readonly metBy?: readonly MetBy[];
}

/**
 * A sign-off as the scan judged it. `valid` at scan time, or `expired` (it no longer counts: the
 * obligation needs a new one). `applied`: it decided the obligation's status, which it does only
 * where no check can (the roll-up would otherwise be "attestation"): it never overrides a FAIL,
 * an ERROR or a NOT_ASSESSED result, and a PASS needs no sign-off to be met.
 */
export interface AttestationState {
  readonly obligation: string;
  readonly by: string;
  readonly date: string;
  readonly statement: string;
  readonly evidence: string;
  /** The first day (UTC) it no longer counts. */
  readonly expires: string;
  readonly status: 'valid' | 'expired';
  readonly applied: boolean;
}

export interface ObligationStatus extends RolledUp {
  readonly id: string;
  readonly clauses: readonly string[];
  readonly metBy?: MetBy;
  /** The sign-off that counts for it, valid or expired. */
  readonly attestation?: AttestationState;
}

/** One span along the critical path (a task, discovery, an account's own work), with where its time went. */
export interface PathSegment {
  /** The span's kind: discovery, account, task, evaluation, scan. */
  readonly kind: string;
  readonly name: string;
  readonly ms: number;
  /** API calls of this span on the path. */
  readonly calls: number;
  /** Milliseconds by kind: waits (call, rate-limit, pool, retry), child spans without children, and `self` (own work between them). */
  readonly waits: Readonly<Record<string, number>>;
}

/** Where a traced scan's time went (`--trace`); milliseconds. */
export interface Timing {
  /** The scan from start to end (collection and evaluation; the output files are written after). */
  readonly wallMs: number;
  /** CPU time of the process meanwhile (user and system). */
  readonly cpuMs: number;
  /** Summed over every call, concurrent calls each counted: time waiting on the network. */
  readonly networkMs: number;
  /** Summed waits for a rate-limit token, for a slot in an engine pool (accounts, tasks, an account's requests), and between retries. */
  readonly rateLimitMs: number;
  readonly poolMs: number;
  readonly retryMs: number;
  readonly calls: number;
  /** The chain of dependent spans that set the wall time (`criticalPath` in src/engine/trace.ts). */
  readonly criticalPath: {
    /** Time on the path spent waiting (calls, rate limits, pools, retries); the rest is work of the process. */
    readonly waitMs: number;
    /** API calls on the path, one after another: at a fixed latency per call, no scan of this estate can take less than calls x latency. */
    readonly calls: number;
    readonly byKind: Readonly<Record<string, number>>;
    /** The path in time order, one segment per span it passed through. */
    readonly segments: readonly PathSegment[];
  };
}

/** The `scan` part of the JSON document: what a scan looked at, found and could not see. */
export interface ScanSummary {
  readonly id: string;
  readonly tool: { readonly name: 'dutyscan'; readonly version: string };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly source: 'live' | 'inventory' | 'demo';
  readonly providers: readonly ProviderId[];
  readonly contract: { readonly id: string; readonly title: string };
  /** Scopes (account x region) evaluated, and those planned. */
  readonly scopes: { readonly planned: number; readonly done: number };
  readonly accounts: readonly { readonly provider: ProviderId; readonly account: string; readonly name?: string }[];
  readonly checks: number;
  readonly findings: number;
  readonly counts: {
    readonly byStatus: StatusCounts;
    /** Unmuted FAIL findings by severity. */
    readonly failBySeverity: Record<Severity, number>;
    readonly byDuty: Partial<Record<Duty, StatusCounts>>;
    readonly muted: number;
  };
  readonly obligations: readonly ObligationStatus[];
  readonly clauses: readonly ClauseStatus[];
  /** Settings left empty that kept checks from judging: setting -> NOT_ASSESSED results (muted ones too). */
  readonly notAssessed: Readonly<Record<string, number>>;
  /** provider -> service -> operation -> calls */
  readonly apiCalls: Record<string, Record<string, Record<string, number>>>;
  readonly totalApiCalls: number;
  readonly retries: Record<string, number>;
  readonly rateLimitWaitMs: number;
  /** Distinct collection errors (by scope and operation): what to grant or fix. */
  readonly errors: readonly CollectionError[];
  readonly expiredMutes: readonly { readonly rule: number; readonly reason: string; readonly expires: string }[];
  /** The sign-off that counts for each attested obligation (`--attestations`, the service's store); absent when none. */
  readonly attestations?: readonly AttestationState[];
  /** Findings a sink could not deliver (spooled for replay), by sink. */
  readonly undelivered: Record<string, number>;
  /** Findings sent to a sink that cannot confirm delivery (UDP syslog), by sink; absent when none. */
  readonly unconfirmed?: Record<string, number>;
  /** False when any ERROR result or scope failure means the picture is incomplete. */
  readonly complete: boolean;
  readonly collectionMode: Partial<Record<ProviderId, string>>;
  /** Where the time went; only in a traced scan (`--trace`). */
  readonly timing?: Timing;
}
