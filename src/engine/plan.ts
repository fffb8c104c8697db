import { paramsFor, type AnyCheck, type Params } from '../core/check.js';
import type { Listing } from '../core/inventory.js';
import { collectionError, unseen, type ProviderId } from '../core/observed.js';
import { GLOBAL_REGION, type ResourceType, type Scope } from '../core/resource.js';
import type { Config } from '../config/schema.js';
import { inputsOf } from './evaluate.js';

/** Which checks run where: the selected checks of each provider the scan covers. */
export type Plan = ReadonlyMap<ProviderId, readonly AnyCheck[]>;

export function planScan(checks: readonly AnyCheck[], providers: readonly ProviderId[]): Plan {
  const plan = new Map<ProviderId, AnyCheck[]>();
  for (const check of checks) {
    if (!providers.includes(check.provider)) continue;
    plan.set(check.provider, [...(plan.get(check.provider) ?? []), check]);
  }
  return plan;
}

/** Every type the checks read: what collection must deliver before they can judge. */
export const neededTypes = (checks: readonly AnyCheck[]): Set<ResourceType> => new Set(checks.flatMap(inputsOf));

/** A check's defaults, overridden key by key by the config's `checks.<id>.params`. */
export const paramsOf = (config: Config, check: AnyCheck): Params => paramsFor(check, config.checks[check.id]?.params);

/**
 * The checks that apply to one account. Some accounts are a different kind of scope (an Azure
 * tenant holds users, its subscriptions hold resources): a check whose resource type the
 * provider collects elsewhere, but not in this account, does not apply here. A type nobody
 * collects stays in, so that it surfaces as an ERROR rather than as silence.
 */
export const applicableIn = (checks: readonly AnyCheck[], here: ReadonlySet<ResourceType>, elsewhere: ReadonlySet<ResourceType>): AnyCheck[] =>
  checks.filter((c) => here.has(c.resourceType) || !elsewhere.has(c.resourceType));

/** A listing for every needed type that nothing covers in this account, so nothing reads as empty. */
export const missingListings = (account: Scope, needed: Iterable<ResourceType>, covered: ReadonlySet<ResourceType>, why: string): Listing[] =>
  [...needed]
    .filter((t) => !covered.has(t))
    .map((type) => ({
      scope: { ...account, region: GLOBAL_REGION },
      type,
      items: unseen(collectionError('UNEXPECTED', `collect:${type}`, why, { provider: account.provider, account: account.account })),
    }));
