import { expect } from 'vitest';
import { paramsFor, type AnyCheck, type Params } from '../../src/core/check.js';
import type { Listing } from '../../src/core/inventory.js';
import { DEFAULT_POLICY, type Policy } from '../../src/core/policy.js';
import type { ResourceType } from '../../src/core/resource.js';
import { evaluate, type InventoryView, type Result } from '../../src/engine/evaluate.js';

export const NOW = new Date('2026-06-01T00:00:00Z');

/** Deep-freeze fixtures so a check that mutates its input fails loudly. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

/**
 * Run a check over fixture listings as the engine does: every listing of the check's resource
 * type is evaluated, the others answer `ctx.related()`.
 */
export function runCheck(
  check: AnyCheck,
  listings: readonly Listing[],
  options: { params?: Params; policy?: Partial<Policy>; now?: Date } = {},
): Result[] {
  const all = frozen([...listings]);
  const inventory: InventoryView = {
    listings: (type: ResourceType, account: string) => all.filter((l) => l.type === type && l.scope.account === account),
  };
  return all
    .filter((l) => l.type === check.resourceType)
    .flatMap((listing) =>
      evaluate({
        check,
        listing,
        inventory,
        params: paramsFor(check, options.params),
        policy: { ...DEFAULT_POLICY, ...options.policy },
        now: options.now ?? NOW,
      }),
    );
}

/** `[resource name, status]` pairs: what most check tests assert. */
export const statuses = (results: readonly Result[]): [string, string][] => results.map((r) => [r.resource.name, r.status]);

/** What a check says while the setting it judges against is empty: NOT_ASSESSED naming the setting, never NOT_APPLICABLE. */
export function expectNotAssessed(results: readonly Result[], setting: string): void {
  expect(results.length).toBeGreaterThan(0);
  for (const r of results) expect(r).toMatchObject({ status: 'NOT_ASSESSED', message: `Not assessed: set ${setting}`, notAssessed: { setting } });
}
