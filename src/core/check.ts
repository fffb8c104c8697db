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
  /**
   * Other resource types it reads through `ctx.related()`; the engine waits for them too, and
   * `ctx.related()` refuses any type not declared here.
   */
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

/**
 * What an assessment may use. `R` is the resource types it may read through `related()`: a check's
 * `resourceType` and `uses`. Without `R`, a context reads no related type, so a helper that calls
 * `related()` names what it reads (`AssessContext<Params, 'aws.iam.policy'>`), and only a check
 * that declares those types can hand it its context.
 *
 * `in R` says so to TypeScript, which compares generic signatures too loosely to find it alone;
 * and `params` is a plain `P` (checks get `Readonly<P>`) because a mapped type here would let it
 * fall back to that loose comparison.
 */
export interface AssessContext<P extends Params = Params, in R extends ResourceType = never> {
  readonly params: P;
  readonly policy: Policy;
  readonly scope: Scope;
  readonly now: Date;
  /** The answered value, or (by throwing) an ERROR result carrying the collection error. */
  known<T>(observed: Observed<T>): T;
  /**
   * Resources of a declared type in the same account (and, by default, the same region). The
   * engine waits only for declared types, so an undeclared one could read as "none": it is refused
   * (a type error, and at run time an ERROR naming the check).
   */
  readonly related: <T extends R>(type: T, where?: { region?: 'same' | 'any' }) => readonly Resource<T>[];
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

interface CheckBase<T extends ResourceType, P extends Params, U extends ResourceType> extends CheckMeta {
  readonly resourceType: T;
  readonly uses?: readonly U[];
  /** Typed parameters; the config's `checks.<id>.params` override them key by key. */
  readonly defaults: P;
  /** Older spellings of the params still accepted (see `ParamsUpgrade`). */
  readonly upgradeParams?: ParamsUpgrade;
}

/** One verdict per resource of `resourceType`. An empty listing yields NOT_APPLICABLE. */
export interface ResourceCheck<T extends ResourceType = ResourceType, P extends Params = Params, U extends ResourceType = ResourceType>
  extends CheckBase<T, P, U> {
  readonly kind: 'resource';
  assess(resource: Resource<T>, ctx: AssessContext<Readonly<P>, T | U>): Verdict;
}

/**
 * One verdict about a whole scope (e.g. "at least one multi-region trail"), given every resource
 * of `resourceType` in it. An empty listing is evaluated too: "no trail at all" is a FAIL.
 */
export interface ScopeCheck<T extends ResourceType = ResourceType, P extends Params = Params, U extends ResourceType = ResourceType>
  extends CheckBase<T, P, U> {
  readonly kind: 'scope';
  assessScope(resources: readonly Resource<T>[], ctx: AssessContext<Readonly<P>, T | U>): Verdict | readonly Verdict[];
}

export type Check<T extends ResourceType = ResourceType, P extends Params = Params, U extends ResourceType = ResourceType> =
  | ResourceCheck<T, P, U>
  | ScopeCheck<T, P, U>;

/** The registry's erased view of a check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds checks of every parameter shape
export type AnyCheck = Check<ResourceType, any>;

type ResourceCheckInput<T extends ResourceType, P extends Params, U extends ResourceType> = Omit<ResourceCheck<T, P, U>, 'kind' | 'defaults'> &
  ([keyof P] extends [never] ? { readonly defaults?: P } : { readonly defaults: P });
type ScopeCheckInput<T extends ResourceType, P extends Params, U extends ResourceType> = Omit<ScopeCheck<T, P, U>, 'kind' | 'defaults'> &
  ([keyof P] extends [never] ? { readonly defaults?: P } : { readonly defaults: P });

/** `U`, the types of `uses`, is inferred: only those (and `resourceType`) type-check in `ctx.related()`. */
export function defineCheck<T extends ResourceType, P extends Params = Record<never, never>, U extends ResourceType = never>(
  check: ResourceCheckInput<T, P, U>,
): ResourceCheck<T, P, U> {
  return Object.freeze({ ...check, kind: 'resource', defaults: check.defaults ?? {} } as ResourceCheck<T, P, U>);
}

export function defineScopeCheck<T extends ResourceType, P extends Params = Record<never, never>, U extends ResourceType = never>(
  check: ScopeCheckInput<T, P, U>,
): ScopeCheck<T, P, U> {
  return Object.freeze({ ...check, kind: 'scope', defaults: check.defaults ?? {} } as ScopeCheck<T, P, U>);
}

/** The params a check runs with: its defaults, overridden key by key by the configured ones (upgraded). */
export function paramsFor(check: AnyCheck, configured: Params = {}): Params {
  return { ...check.defaults, ...(check.upgradeParams ? check.upgradeParams(configured).params : configured) };
}

export const severityRank = (s: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(s);
