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

export interface TagAssessment {
  readonly required: readonly string[];
  readonly missing: readonly string[];
  readonly invalid: readonly { key: string; value: string; pattern: string }[];
}

/** The same rules as the AWS checks: each key present, a pattern matched in full; keys case-insensitive as Azure has them. */
export function assessTags(tags: Readonly<Record<string, string>>, rules: readonly TagRule[]): TagAssessment {
  const byKey = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
  const missing: string[] = [];
  const invalid: { key: string; value: string; pattern: string }[] = [];
  for (const rule of rules) {
    const value = byKey.get(rule.key.toLowerCase());
    if (value === undefined) missing.push(rule.key);
    else if (rule.pattern !== undefined && !new RegExp(`^(?:${rule.pattern})$`).test(value)) invalid.push({ key: rule.key, value, pattern: rule.pattern });
  }
  return { required: rules.map((r) => r.key), missing, invalid };
}

export function describeTagProblems(a: TagAssessment): string {
  return [a.missing.length > 0 ? `missing ${a.missing.join(', ')}` : '', a.invalid.length > 0 ? `invalid ${a.invalid.map((i) => i.key).join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}

/** Whether `policy.criticalResources` names this resource (by name or id, globs). */
export function isCritical(resource: Pick<ResourceRef, 'id' | 'name'>, policy: Policy): boolean {
  return policy.criticalResources.some((g) => glob(g)(resource.name) || glob(g)(resource.id));
}

/** `West Europe` and `westeurope` are the same location. */
export const normaliseLocation = (location: string): string => location.replace(/\s+/g, '').toLowerCase();

/** Azure resource ids are case-insensitive; Resource Graph lower-cases some segments. */
export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
