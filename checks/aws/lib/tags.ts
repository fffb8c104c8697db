import type { AssessContext, Verdict } from '../../../src/core/check.js';
import type { Resource } from '../../../src/core/resource.js';
import { observedTags, typeMatches } from './resources.js';

/**
 * The shared assessment of the required-tag checks (one check per taggable resource type, so the
 * engine can report each type's failed listing and empty scope on its own): the rules of
 * `policy.requiredTags` whose `resourceTypes` globs match, each key present and, with a pattern,
 * its value matching in full. No rule at all is NOT_ASSESSED; rules for other types only, NOT_APPLICABLE.
 */
export function assessRequiredTags(resource: Resource, ctx: AssessContext): Verdict {
  if (ctx.policy.requiredTags.length === 0) return ctx.notAssessed('policy.requiredTags');
  const rules = ctx.policy.requiredTags.filter((r) => typeMatches(resource.type, r.resourceTypes));
  if (rules.length === 0) return ctx.notApplicable(`No required-tag rule applies to ${resource.type}`, { rules: 0 });
  const tags = ctx.known(observedTags(resource));
  const missing = rules.filter((r) => tags[r.key] === undefined).map((r) => r.key);
  const invalid = rules
    .filter((r) => r.pattern !== undefined && tags[r.key] !== undefined && !new RegExp(`^(?:${r.pattern})$`).test(tags[r.key] ?? ''))
    .map((r) => ({ key: r.key, value: tags[r.key], pattern: r.pattern }));
  const required = rules.map((r) => r.key);
  if (missing.length === 0 && invalid.length === 0) return ctx.pass('Every required tag is present and valid', { required });
  const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', invalid.length > 0 ? `invalid ${invalid.map((i) => i.key).join(', ')}` : ''];
  return ctx.fail(`Required tags ${parts.filter(Boolean).join('; ')}`, { required, missing, invalid });
}
