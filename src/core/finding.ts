import { createHash } from 'node:crypto';
import type { Duty, Remediation, Severity } from './check.js';
import type { CollectionError, ErrorCode } from './observed.js';
import type { ResourceRef } from './resource.js';

/**
 * PASS and FAIL are verdicts; ERROR: the cloud did not answer (or the check broke); NOT_ASSESSED:
 * the check could not judge because a setting it judges against is empty (no required tags, no
 * allowed regions), "we did not look"; NOT_APPLICABLE: there is nothing to judge.
 */
export const STATUSES = ['PASS', 'FAIL', 'ERROR', 'NOT_ASSESSED', 'NOT_APPLICABLE'] as const;
export type Status = (typeof STATUSES)[number];

/** Why a result is NOT_ASSESSED: the setting to fill in (`policy.requiredTags`) before the check can judge. */
export interface NotAssessedReason {
  readonly setting: string;
}

/** The words every output uses for a NOT_ASSESSED result or roll-up: `not assessed: set policy.requiredTags`. */
export const notAssessedText = (settings: readonly string[]): string =>
  settings.length > 0 ? `not assessed: set ${settings.join(', ')}` : 'not assessed: none of its checks ran';

export interface FindingError {
  readonly code: ErrorCode;
  readonly operation: string;
  readonly message: string;
  /** `collection`: the cloud did not answer; `check`: the check threw (a dutyscan bug). */
  readonly origin: 'collection' | 'check';
}

export interface MuteInfo {
  readonly reason: string;
  readonly owner?: string;
  readonly expires?: string;
  /** Index of the mutelist entry that matched, for tracing. */
  readonly rule: number;
}

export interface ObligationRef {
  readonly id: string;
  readonly title: string;
  /** Clauses of the active contract profile that rely on this obligation. */
  readonly clauses: readonly string[];
}

/** The JSON output contract: other tools depend on these names. */
export interface Finding {
  readonly id: string;
  readonly status: Status;
  readonly muted: boolean;
  readonly mute?: MuteInfo;
  readonly severity: Severity;
  readonly check: { readonly id: string; readonly title: string; readonly duty: Duty; readonly service: string };
  readonly resource: ResourceRef & { readonly accountName?: string };
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly remediation: Remediation;
  readonly obligations: readonly ObligationRef[];
  readonly frameworks: Readonly<Record<string, readonly string[]>>;
  readonly error?: FindingError;
  /** Set for NOT_ASSESSED. */
  readonly notAssessed?: NotAssessedReason;
  readonly time: string;
  /** Set in service mode from the history store. */
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  /**
   * For an unmuted FAIL under a contract profile that gives a cure period (README: Contract
   * deadlines): the period, the date the failure must be cured by (counted from when it was
   * first seen failing) and whether that date had passed when the finding was reported.
   */
  readonly curePeriod?: string;
  readonly dueAt?: string;
  readonly overdue?: boolean;
  /** Set in service mode for changes-only delivery: how the finding moved since the last scan of its scope. */
  readonly change?: FindingChange;
}

/** How a finding moved since the previous scan of the same scope (service mode drift). */
export type FindingChange = 'new' | 'regressed' | 'resolved' | 'muted' | 'mute-expired';

/**
 * Stable across scans: the same check on the same resource always has the same id. The account
 * is part of the identity because some ids are not unique across accounts (an AWS managed
 * policy's ARN is the same in every account that attaches it).
 */
export function findingId(checkId: string, resource: Pick<ResourceRef, 'provider' | 'account' | 'id'>): string {
  return createHash('sha256').update([checkId, resource.provider, resource.account, resource.id].join('\u0000')).digest('hex').slice(0, 32);
}

export function toFindingError(error: CollectionError, origin: FindingError['origin']): FindingError {
  return { code: error.code, operation: error.operation, message: error.message, origin };
}
