import type { AnyCheck, AssessContext, Params, Verdict } from '../core/check.js';
import type { FindingError, NotAssessedReason, Status } from '../core/finding.js';
import { notAssessedText, toFindingError } from '../core/finding.js';
import type { Listing } from '../core/inventory.js';
import type { CollectionError, Observed } from '../core/observed.js';
import type { Policy } from '../core/policy.js';
import type { Resource, ResourceRef, ResourceType, Scope } from '../core/resource.js';
import { scopeResource } from '../core/resource.js';

/** A verdict before annotation with obligations, frameworks and mutes. */
export interface Result {
  readonly check: AnyCheck;
  readonly resource: ResourceRef;
  readonly status: Status;
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly error?: FindingError;
  readonly notAssessed?: NotAssessedReason;
}

/** Thrown by `ctx.known()`: the fact the check needs was not observed. */
class UnknownFact extends Error {
  constructor(readonly collectionError: CollectionError) {
    super(collectionError.message);
  }
}

/** The read-only view of one account's inventory that `ctx.related()` answers from. */
export interface InventoryView {
  listings(type: ResourceType, account: string): readonly Listing[];
}

export interface EvaluationInput {
  readonly check: AnyCheck;
  readonly listing: Listing;
  readonly inventory: InventoryView;
  readonly params: Params;
  readonly policy: Policy;
  readonly now: Date;
}

const verdict =
  (status: Verdict['status']) =>
  (message: string, evidence: Record<string, unknown> = {}): Verdict => ({ status, message, evidence });

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function contextFor(input: EvaluationInput): AssessContext {
  const { inventory, listing } = input;
  return {
    params: input.params,
    policy: input.policy,
    scope: listing.scope,
    now: input.now,
    known<T>(observed: Observed<T>): T {
      if (observed.ok) return observed.value;
      throw new UnknownFact(observed.error);
    },
    related<T extends ResourceType>(type: T, where: { region?: 'same' | 'any' } = {}) {
      const out: Resource<T>[] = [];
      for (const other of inventory.listings(type, listing.scope.account)) {
        if ((where.region ?? 'same') === 'same' && other.scope.region !== listing.scope.region) continue;
        if (!other.items.ok) throw new UnknownFact(other.items.error);
        out.push(...(other.items.value as readonly Resource<T>[]));
      }
      return out;
    },
    pass: verdict('PASS'),
    fail: verdict('FAIL'),
    notApplicable: verdict('NOT_APPLICABLE'),
    notAssessed: (setting, evidence = {}) => ({ status: 'NOT_ASSESSED', message: capitalised(notAssessedText([setting])), evidence, notAssessed: { setting } }),
  };
}

function errorResult(check: AnyCheck, resource: ResourceRef, thrown: unknown): Result {
  if (thrown instanceof UnknownFact) {
    const e = thrown.collectionError;
    return {
      check,
      resource,
      status: 'ERROR',
      message: `Could not evaluate: ${e.operation} failed (${e.code}): ${e.message}`,
      evidence: {},
      error: toFindingError(e, 'collection'),
    };
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return {
    check,
    resource,
    status: 'ERROR',
    message: `The check failed on this resource: ${message}`,
    evidence: {},
    error: { code: 'CHECK_FAILED', operation: `check:${check.id}`, message, origin: 'check' },
  };
}

function fromVerdict(check: AnyCheck, resource: ResourceRef, v: Verdict): Result {
  return { check, resource: v.resource ?? resource, status: v.status, message: v.message, evidence: v.evidence, ...(v.notAssessed ? { notAssessed: v.notAssessed } : {}) };
}

/** ERROR results for a scope we could not look at: exactly the checks whose input it affects. */
export function scopeErrorResult(check: AnyCheck, scope: Scope, error: CollectionError): Result {
  return errorResult(check, scopeResource(scope), new UnknownFact(error));
}

/**
 * Evaluate one check over one listing. Always yields at least one result: a failed listing is one
 * ERROR for the scope, an empty one NOT_APPLICABLE (for resource checks), an unknown fact or a
 * throwing check an ERROR for that resource alone.
 */
export function evaluate(input: EvaluationInput): Result[] {
  const { check, listing } = input;
  const scopeRef = scopeResource(listing.scope);
  if (!listing.items.ok) return [scopeErrorResult(check, listing.scope, listing.items.error)];
  const ctx = contextFor(input);
  const resources = listing.items.value;

  if (check.kind === 'scope') {
    try {
      const verdicts = check.assessScope(resources, ctx);
      const list: readonly Verdict[] = Array.isArray(verdicts) ? verdicts : [verdicts as Verdict];
      if (list.length === 0) throw new Error('the check returned no verdict');
      return list.map((v) => fromVerdict(check, scopeRef, v));
    } catch (thrown) {
      return [errorResult(check, scopeRef, thrown)];
    }
  }

  if (resources.length === 0) {
    return [
      {
        check,
        resource: scopeRef,
        status: 'NOT_APPLICABLE',
        message: `No ${listing.type} resources in ${scopeRef.name}`,
        evidence: { resourceType: listing.type, count: 0 },
      },
    ];
  }
  return resources.map((resource) => {
    try {
      return fromVerdict(check, resource, check.assess(resource, ctx));
    } catch (thrown) {
      return errorResult(check, resource, thrown);
    }
  });
}
