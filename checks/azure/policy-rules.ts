import picomatch from 'picomatch';
import type { Policy, TagRule } from '../../src/core/policy.js';
import type { ResourceRef } from '../../src/core/resource.js';

/**
 * Organisation policy as the Azure checks apply it. Tag keys compare case-insensitively because
 * Azure treats `Owner` and `owner` as the same tag; values must match the rule's pattern in full.
 */

const globCache = new Map<string, (s: string) => boolean>();
const glob = (pattern: string): ((s: string) => boolean) => {
  let m = globCache.get(pattern);
  if (!m) globCache.set(pattern, (m = picomatch(pattern, { nocase: true, dot: true })));
  return m;
};

/** Rules of `policy.requiredTags` that apply to a resource of this dutyscan type. */
export function tagRulesFor(type: string, policy: Policy): TagRule[] {
  return policy.requiredTags.filter((r) => !r.resourceTypes || r.resourceTypes.some((g) => glob(g)(type)));
}

export interface TagViolation {
  readonly key: string;
  readonly problem: 'missing' | 'value does not match';
  readonly value?: string;
  readonly pattern?: string;
}

export function tagViolations(tags: Readonly<Record<string, string>>, rules: readonly TagRule[]): TagViolation[] {
  const byKey = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
  const out: TagViolation[] = [];
  for (const rule of rules) {
    const value = byKey.get(rule.key.toLowerCase());
    if (value === undefined || value === '') out.push({ key: rule.key, problem: 'missing' });
    else if (rule.pattern && !new RegExp(`^(?:${rule.pattern})$`).test(value)) {
      out.push({ key: rule.key, problem: 'value does not match', value, pattern: rule.pattern });
    }
  }
  return out;
}

/** Whether `policy.criticalResources` names this resource (by name or id, globs). */
export function isCritical(resource: Pick<ResourceRef, 'id' | 'name'>, policy: Policy): boolean {
  return policy.criticalResources.some((g) => glob(g)(resource.name) || glob(g)(resource.id));
}

/** `West Europe` and `westeurope` are the same location. */
export const normaliseLocation = (location: string): string => location.replace(/\s+/g, '').toLowerCase();

/** Azure resource ids are case-insensitive; Resource Graph lower-cases some segments. */
export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
