import type { AnyCheck, AssessContext, Params, Verdict } from '../core/check.js';
import type { FindingError, NotAssessedReason, Status } from '../core/finding.js';
import { notAssessedText, toFindingError } from '../core/finding.js';
import type { Listing } from '../core/inventory.js';
import type { CollectionError, Observed } from '../core/observed.js';
import type { Policy } from '../core/policy.js';
import type { Resource, ResourceRef, ResourceType, Scope } from '../core/resource.js';
import { scopeResource } from '../core/resource.js';
import { ReadRecorder, type Reads } from './reads.js';

/** A verdict before annotation with obligations, frameworks and mutes. */
export interface Result {
  readonly check: AnyCheck;
  readonly resource: ResourceRef;
  readonly status: Status;
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly error?: FindingError;
  readonly notAssessed?: NotAssessedReason;
  /** What the assessment read, when the evaluation recorded it (`--evidence`). */
  readonly reads?: Reads;
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
  /** Record what each assessment reads (for `--evidence`); off, the check sees the inventory itself. */
  readonly recordReads?: boolean;
}

const verdict =
  (status: Verdict['status']) =>
  (message: string, evidence: Record<string, unknown> = {}): Verdict => ({ status, message, evidence });

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Thrown by `ctx.related()` for a type the check did not declare: the engine did not wait for it,
 * so whatever it holds (often nothing yet) would pass for the truth. A dutyscan bug, not a cloud answer.
 */
class UndeclaredRead extends Error {
  constructor(check: AnyCheck, type: ResourceType) {
    super(`${check.id} reads ${type} through ctx.related() but does not declare it in its uses`);
  }
}

/** The types a check may read: its own and those it declares in `uses`, which the engine waits for. */
export const inputsOf = (check: AnyCheck): ResourceType[] => [check.resourceType, ...(check.uses ?? [])];

function contextFor(input: EvaluationInput, recorder: ReadRecorder | undefined): AssessContext<Params, ResourceType> {
  const { check, inventory, listing } = input;
  const declared = new Set(inputsOf(check));
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
      if (!declared.has(type)) throw new UndeclaredRead(check, type);
      const out: Resource<T>[] = [];
      for (const other of inventory.listings(type, listing.scope.account)) {
        if ((where.region ?? 'same') === 'same' && other.scope.region !== listing.scope.region) continue;
        const items = recorder ? recorder.resources(other) : other.items.ok ? other.items.value : [];
        if (!other.items.ok) throw new UnknownFact(other.items.error);
        out.push(...(items as readonly Resource<T>[]));
      }
      return out;
    },
    pass: verdict('PASS'),
    fail: verdict('FAIL'),
    notApplicable: verdict('NOT_APPLICABLE'),
    notAssessed: (setting, evidence = {}) => ({ status: 'NOT_ASSESSED', message: capitalised(notAssessedText([setting])), evidence, notAssessed: { setting } }),
  };
}

/**
 * What a finding says about its resource: never the collected data, which checks hand back with
 * the resource (outputs name the resource; `--evidence` holds the facts that were read).
 */
const refOf = ({ provider, account, region, type, id, name, tags }: ResourceRef): ResourceRef => ({ provider, account, region, type, id, name, tags });

function errorResult(check: AnyCheck, target: ResourceRef, thrown: unknown): Result {
  const resource = refOf(target);
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
  return { check, resource: refOf(v.resource ?? resource), status: v.status, message: v.message, evidence: v.evidence, ...(v.notAssessed ? { notAssessed: v.notAssessed } : {}) };
}

/** ERROR results for a scope we could not look at: exactly the checks whose input it affects. */
export function scopeErrorResult(check: AnyCheck, scope: Scope, error: CollectionError): Result {
  return errorResult(check, scopeResource(scope), new UnknownFact(error));
}

type Outcome = { readonly verdicts: readonly Verdict[] } | { readonly thrown: unknown };

function outcomeOf(assess: () => Verdict | readonly Verdict[]): Outcome {
  try {
    const out = assess();
    const verdicts: readonly Verdict[] = Array.isArray(out) ? out : [out as Verdict];
    if (verdicts.length === 0) throw new Error('the check returned no verdict');
    return { verdicts };
  } catch (thrown) {
    return { thrown };
  }
}

/**
 * Evaluate one check over one listing. Always yields at least one result: a failed listing is one
 * ERROR for the scope, an empty one NOT_APPLICABLE (for resource checks), an unknown fact or a
 * throwing check an ERROR for that resource alone.
 *
 * With `recordReads`, each assessment has its own recorder, and what it read is taken as soon as
 * the check returns: building results from its verdicts reads the resources they name.
 */
export function evaluate(input: EvaluationInput): Result[] {
  const { check, listing } = input;
  const scopeRef = scopeResource(listing.scope);
  const recorder = () => (input.recordReads ? new ReadRecorder() : undefined);
  const results = (outcome: Outcome, resource: ResourceRef, reads: Reads | undefined): Result[] =>
    ('thrown' in outcome ? [errorResult(check, resource, outcome.thrown)] : outcome.verdicts.map((v) => fromVerdict(check, resource, v)))
      .map((r) => (reads ? { ...r, reads } : r));
  const listingOnly: Reads | undefined = input.recordReads ? { listings: [listing], facts: [] } : undefined;

  if (!listing.items.ok) return results({ thrown: new UnknownFact(listing.items.error) }, scopeRef, listingOnly);
  const resources = listing.items.value;

  if (check.kind === 'scope') {
    const reads = recorder();
    const outcome = outcomeOf(() => check.assessScope(reads ? reads.resources(listing) : resources, contextFor(input, reads)));
    return results(outcome, scopeRef, reads?.reads());
  }

  if (resources.length === 0) {
    return results({
      verdicts: [{ status: 'NOT_APPLICABLE', message: `No ${listing.type} resources in ${scopeRef.name}`, evidence: { resourceType: listing.type, count: 0 } }],
    }, scopeRef, listingOnly);
  }
  // Off the evidence path, one context serves every resource; recording needs one per assessment.
  const shared = input.recordReads ? undefined : contextFor(input, undefined);
  return resources.flatMap((resource) => {
    const reads = recorder();
    const outcome = outcomeOf(() => check.assess(reads ? reads.resource(resource, listing) : resource, shared ?? contextFor(input, reads)));
    return results(outcome, resource, reads?.reads());
  });
}
