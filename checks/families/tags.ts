import picomatch from 'picomatch';
import type { AssessContext, Verdict } from '../../src/core/check.js';
import type { Observed } from '../../src/core/observed.js';
import type { TagRule } from '../../src/core/policy.js';

/**
 * The required-tags family (labels on GCP): `policy.requiredTags`, one rule engine for every provider.
 *
 * Semantics, decided once:
 * - A rule applies to a resource when one of its `resourceTypes` globs matches the resource's type
 *   (case-insensitively; `aws.ec2.*` matches `aws.ec2.volume`); no `resourceTypes`, or an
 *   empty list, means every taggable type. (The Azure and GCP checks read an empty list as "no
 *   type"; a rule that applies nowhere is no rule, so the AWS reading is kept.)
 * - Each applicable key must be present; with a `pattern`, its value must match it in full.
 * - Keys compare as the provider stores them, given by the adapter: AWS tag keys are case-sensitive
 *   (`Owner` and `owner` are two tags); Azure tag names are not; GCP label keys are lower case only,
 *   so a rule written `Owner` (for AWS) means `owner` there: case-insensitive as well.
 * - Where the rules come from: `policy.requiredTags` when the config sets any (source `config`);
 *   else what the organisation declares in the cloud, when the check can read it (an AWS
 *   Organizations tag policy, Azure Policy "require a tag" assignments), named in every verdict as
 *   `requirementSource`. The config wins outright: two sources of rules would judge a resource twice.
 * - No rule from any source: NOT_ASSESSED (`policy.requiredTags`); rules for other types, or (declared in the
 *   cloud) for other scopes only: NOT_APPLICABLE.
 */

/** How a provider's tags compare, and what it calls them. */
export interface TagAdapter {
  readonly keys: 'case-sensitive' | 'case-insensitive';
  /** `tags`, or `labels` on GCP: the word the messages use. */
  readonly noun: 'tags' | 'labels';
}

export const AWS_TAGS: TagAdapter = { keys: 'case-sensitive', noun: 'tags' };
export const AZURE_TAGS: TagAdapter = { keys: 'case-insensitive', noun: 'tags' };
export const GCP_LABELS: TagAdapter = { keys: 'case-insensitive', noun: 'labels' };

const matchers = new Map<string, (type: string) => boolean>();
const typeGlob = (glob: string) => {
  let m = matchers.get(glob);
  if (!m) matchers.set(glob, (m = picomatch(glob, { nocase: true, dot: true })));
  return m;
};

/** The rules that apply to a resource of this type. */
export const rulesFor = (type: string, rules: readonly TagRule[]): TagRule[] =>
  rules.filter((r) => !r.resourceTypes || r.resourceTypes.length === 0 || r.resourceTypes.some((g) => typeGlob(g)(type)));

export interface TagAssessment {
  readonly required: readonly string[];
  readonly missing: readonly string[];
  readonly invalid: readonly { readonly key: string; readonly value: string; readonly pattern: string }[];
}

/** Each rule's key present and, with a pattern, its value matching in full. */
export function assessTags(tags: Readonly<Record<string, string>>, rules: readonly TagRule[], adapter: TagAdapter): TagAssessment {
  const fold = adapter.keys === 'case-insensitive' ? (k: string) => k.toLowerCase() : (k: string) => k;
  const byKey = new Map(Object.entries(tags).map(([k, v]) => [fold(k), v]));
  const missing: string[] = [];
  const invalid: { key: string; value: string; pattern: string }[] = [];
  for (const rule of rules) {
    const value = byKey.get(fold(rule.key));
    if (value === undefined) missing.push(rule.key);
    else if (rule.pattern !== undefined && !new RegExp(`^(?:${rule.pattern})$`).test(value)) invalid.push({ key: rule.key, value, pattern: rule.pattern });
  }
  return { required: rules.map((r) => r.key), missing, invalid };
}

export interface TaggedResource {
  /** The dutyscan type (or the provider's, where rules name it) the `resourceTypes` globs match. */
  readonly type: string;
  /** Read only when a rule applies: tags that could not be read (S3 `GetBucketTagging` denied) are an ERROR then, not before. */
  readonly tags: Observed<Readonly<Record<string, string>>>;
  /** Said of the resource in every verdict, besides the assessment. */
  readonly evidence?: Record<string, unknown>;
}

/** Required-tag rules an organisation declares in the cloud, and where (`organizations:effective-tag-policy/123`, an assignment id). */
export interface DeclaredRules {
  readonly rules: readonly TagRule[];
  readonly sources: readonly string[];
  /** Declared, but for other scopes only (an Azure Policy assignment on another resource group): why none reaches this resource. */
  readonly outOfScope?: string;
}

/**
 * The verdict of a required-tags check: the rules that apply (see the semantics above), judged on
 * the resource's tags. `declared` reads the cloud's rules, only when the config sets none (it may
 * throw an ERROR when they could not be read). Messages: `Every required tag is present and valid`,
 * `Required tags missing owner; invalid env`.
 */
export function assessRequiredTags(resource: TaggedResource, ctx: AssessContext, adapter: TagAdapter, declared?: () => DeclaredRules | null): Verdict {
  const configured = ctx.policy.requiredTags.length > 0;
  const cloud = configured ? null : declared?.() ?? null;
  const extra = resource.evidence ?? {};
  if (!configured && cloud?.outOfScope) return ctx.notApplicable(cloud.outOfScope, { ...extra, rules: 0, requirementSource: cloud.sources });
  if (!configured && (!cloud || cloud.rules.length === 0)) {
    return ctx.notAssessed('policy.requiredTags', { ...extra, rules: 0, ...(cloud ? { requirementSource: cloud.sources } : {}) });
  }
  const source = configured ? ['config'] : cloud!.sources;
  const rules = rulesFor(resource.type, configured ? ctx.policy.requiredTags : cloud!.rules);
  const singular = adapter.noun === 'tags' ? 'tag' : 'label';
  if (rules.length === 0) return ctx.notApplicable(`No required-${singular} rule applies to ${resource.type}`, { ...extra, rules: 0, requirementSource: source });
  const result = assessTags(ctx.known(resource.tags), rules, adapter);
  const evidence = { ...extra, ...result, requirementSource: source };
  if (result.missing.length === 0 && result.invalid.length === 0) return ctx.pass(`Every required ${singular} is present and valid`, evidence);
  const problems = [result.missing.length > 0 ? `missing ${result.missing.join(', ')}` : '', result.invalid.length > 0 ? `invalid ${result.invalid.map((i) => i.key).join(', ')}` : ''];
  return ctx.fail(`Required ${adapter.noun} ${problems.filter(Boolean).join('; ')}`, evidence);
}

/** A bulk required-tags check's type filters (params): globs over the type, as rules name it. */
export interface TypeFilter extends Record<string, unknown> {
  readonly includeTypes: readonly string[];
  readonly excludeTypes: readonly string[];
}

/** Whether a bulk check judges this type: some include glob matches and no exclude glob does. */
export const typeSelected = (type: string, filter: TypeFilter): boolean =>
  filter.includeTypes.some((g) => typeGlob(g)(type)) && !filter.excludeTypes.some((g) => typeGlob(g)(type));
