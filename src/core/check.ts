import type { NotAssessedReason, Status } from './finding.js';
import type { Observed, ProviderId } from './observed.js';
import type { Resource, ResourceRef, ResourceType, Scope } from './resource.js';
import type { Policy } from './policy.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The customer-side duties of the shared responsibility model, as the contracts phrase them. */
export const DUTIES = [
  'mfa',
  'credentials',
  'least-privilege',
  'encryption-at-rest',
  'encryption-in-transit',
  'network-exposure',
  'backups',
  'tagging',
  'logging',
  'monitoring',
  'incident-readiness',
  'data-residency',
  'patching',
] as const;
export type Duty = (typeof DUTIES)[number];

export type Params = Record<string, unknown>;

/** Something a params upgrade read in an older spelling, or could not read at all, at `key` under the check's params. */
export interface ParamsNote {
  readonly key: string;
  readonly message: string;
}

/**
 * Reads params written in an older shape (a renamed key, an old row shape) into the current one:
 * the config loader reports `deprecated` as warnings and `problems` as errors; the scan uses `params`.
 */
export type ParamsUpgrade = (given: Params) => { readonly params: Params; readonly deprecated: readonly ParamsNote[]; readonly problems: readonly ParamsNote[] };

export interface Remediation {
  readonly text: string;
  readonly cli?: string;
  readonly url?: string;
}

/** Everything about a check that is data: what reports, mappings and `checks describe` read. */
export interface CheckMeta {
  /** `<provider>-<service>-<resource>-<good state>`, equal to the file name under checks/. */
  readonly id: string;
  /** States the compliant condition, so that PASS reads naturally. */
  readonly title: string;
  readonly provider: ProviderId;
  readonly service: string;
  /** The resource type the check iterates over (one result per resource, or one per scope). */
  readonly resourceType: ResourceType;
  /** Other resource types it reads through `ctx.related()`; the engine waits for them too. */
  readonly uses?: readonly ResourceType[];
  readonly duty: Duty;
  readonly severity: Severity;
  readonly rationale: string;
  readonly remediation: Remediation;
  /** Provider documentation or benchmark references, for humans. */
  readonly references?: readonly string[];
}

/** ERROR is the engine's to give: a check reports a fact it could not read by `ctx.known()`. */
export type VerdictStatus = Exclude<Status, 'ERROR'>;

export interface Verdict {
  readonly status: VerdictStatus;
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  /** For scope-level checks: the resource the verdict is about, when not the scope itself. */
  readonly resource?: ResourceRef;
  /** For NOT_ASSESSED: the setting to fill in. */
  readonly notAssessed?: NotAssessedReason;
}

export interface AssessContext<P extends Params = Params> {
  readonly params: Readonly<P>;
  readonly policy: Policy;
  readonly scope: Scope;
  readonly now: Date;
  /** The answered value, or (by throwing) an ERROR result carrying the collection error. */
  known<T>(observed: Observed<T>): T;
  /** Resources of another type in the same account (and, by default, the same region). */
  related<T extends ResourceType>(type: T, where?: { region?: 'same' | 'any' }): readonly Resource<T>[];
  pass(message: string, evidence?: Record<string, unknown>): Verdict;
  fail(message: string, evidence?: Record<string, unknown>): Verdict;
  /** Nothing to judge here (a deleted volume, an egress rule, a type no tag rule names). */
  notApplicable(message: string, evidence?: Record<string, unknown>): Verdict;
  /**
   * Cannot judge: `setting` (e.g. `policy.requiredTags`), which the check judges against, is
   * empty. Never NOT_APPLICABLE for this: "we did not look" must not read as "nothing to assess".
   */
  notAssessed(setting: string, evidence?: Record<string, unknown>): Verdict;
}

interface CheckBase<T extends ResourceType, P extends Params> extends CheckMeta {
  readonly resourceType: T;
  /** Typed parameters; the config's `checks.<id>.params` override them key by key. */
  readonly defaults: P;
  /** Older spellings of the params still accepted (see `ParamsUpgrade`). */
  readonly upgradeParams?: ParamsUpgrade;
}

/** One verdict per resource of `resourceType`. An empty listing yields NOT_APPLICABLE. */
export interface ResourceCheck<T extends ResourceType = ResourceType, P extends Params = Params>
  extends CheckBase<T, P> {
  readonly kind: 'resource';
  assess(resource: Resource<T>, ctx: AssessContext<P>): Verdict;
}

/**
 * One verdict about a whole scope (e.g. "at least one multi-region trail"), given every resource
 * of `resourceType` in it. An empty listing is evaluated too: "no trail at all" is a FAIL.
 */
export interface ScopeCheck<T extends ResourceType = ResourceType, P extends Params = Params>
  extends CheckBase<T, P> {
  readonly kind: 'scope';
  assessScope(resources: readonly Resource<T>[], ctx: AssessContext<P>): Verdict | readonly Verdict[];
}

export type Check<T extends ResourceType = ResourceType, P extends Params = Params> =
  | ResourceCheck<T, P>
  | ScopeCheck<T, P>;

/** The registry's erased view of a check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds checks of every parameter shape
export type AnyCheck = Check<ResourceType, any>;

type ResourceCheckInput<T extends ResourceType, P extends Params> = Omit<ResourceCheck<T, P>, 'kind' | 'defaults'> &
  ([keyof P] extends [never] ? { readonly defaults?: P } : { readonly defaults: P });
type ScopeCheckInput<T extends ResourceType, P extends Params> = Omit<ScopeCheck<T, P>, 'kind' | 'defaults'> &
  ([keyof P] extends [never] ? { readonly defaults?: P } : { readonly defaults: P });

export function defineCheck<T extends ResourceType, P extends Params = Record<never, never>>(
  check: ResourceCheckInput<T, P>,
): ResourceCheck<T, P> {
  return Object.freeze({ ...check, kind: 'resource', defaults: check.defaults ?? {} } as ResourceCheck<T, P>);
}

export function defineScopeCheck<T extends ResourceType, P extends Params = Record<never, never>>(
  check: ScopeCheckInput<T, P>,
): ScopeCheck<T, P> {
  return Object.freeze({ ...check, kind: 'scope', defaults: check.defaults ?? {} } as ScopeCheck<T, P>);
}

/** The params a check runs with: its defaults, overridden key by key by the configured ones (upgraded). */
export function paramsFor(check: AnyCheck, configured: Params = {}): Params {
  return { ...check.defaults, ...(check.upgradeParams ? check.upgradeParams(configured).params : configured) };
}

export const severityRank = (s: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(s);
