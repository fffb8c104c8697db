import type { Logger } from 'pino';
import type { AnyCheck, Params } from '../core/check.js';
import type { Listing } from '../core/inventory.js';
import { collectionError } from '../core/observed.js';
import type { Policy } from '../core/policy.js';
import { GLOBAL_REGION, type ResourceType, type Scope } from '../core/resource.js';
import { evaluate, inputsOf, scopeErrorResult, type InventoryView, type Result } from './evaluate.js';

/** Hands the evaluation listings, and the input types that no task will deliver more of. */
export type Deliver = (listings: readonly Listing[], completedTypes: readonly ResourceType[]) => Promise<void>;

/** One account to evaluate, whether collected live or read from a saved inventory. */
export interface AccountInput {
  readonly scope: Scope;
  readonly checks: readonly AnyCheck[];
  /** Per input type, how many tasks still deliver it; a type absent here is complete once delivered. */
  readonly expected: Map<ResourceType, number>;
  /** Delivers every listing of the account (tasks may deliver concurrently); resolves once all did. */
  arrive(deliver: Deliver): Promise<void>;
}

/** What every account's evaluation shares. */
export interface Evaluation {
  readonly policy: Policy;
  readonly now: Date;
  readonly recordReads: boolean;
  readonly log: Logger;
  params(check: AnyCheck): Params;
  publish(result: Result, scope: Scope): Promise<void>;
}

/**
 * Evaluate every check of one account as soon as its inputs are complete, then let the inventory
 * go: memory holds only the accounts in flight.
 */
export async function evaluateAccount(account: AccountInput, how: Evaluation): Promise<void> {
  const { scope, expected } = account;
  const inventory = new Map<ResourceType, Listing[]>();
  const view: InventoryView = { listings: (type) => inventory.get(type) ?? [] };
  const pending = new Set(account.checks);

  const ready = (check: AnyCheck) => inputsOf(check).every((t) => (expected.get(t) ?? 0) === 0);
  const run = async (check: AnyCheck) => {
    pending.delete(check);
    for (const listing of inventory.get(check.resourceType) ?? []) {
      for (const result of evaluate({ check, listing, inventory: view, params: how.params(check), policy: how.policy, now: how.now, recordReads: how.recordReads })) {
        await how.publish(result, listing.scope);
      }
    }
  };

  await account.arrive(async (listings, completedTypes) => {
    for (const l of listings) {
      const list = inventory.get(l.type);
      if (list) list.push(l);
      else inventory.set(l.type, [l]);
    }
    for (const t of completedTypes) expected.set(t, (expected.get(t) ?? 1) - 1);
    // `run` takes a check out of `pending` before it awaits, so a concurrent delivery never runs it twice.
    for (const check of [...pending]) if (pending.has(check) && ready(check)) await run(check);
  });
  // Whatever is still pending had an input that never completed: say so rather than stay silent.
  for (const check of pending) {
    const error = collectionError('UNEXPECTED', `collect:${check.resourceType}`, 'collection did not complete', { provider: scope.provider, account: scope.account });
    await how.publish(scopeErrorResult(check, { ...scope, region: GLOBAL_REGION }, error), scope);
  }
  how.log.debug({ provider: scope.provider, account: scope.account }, 'account evaluated');
}
