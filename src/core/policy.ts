import type { ProviderId } from './observed.js';

/**
 * Organisation-wide rules that several checks on every provider share (config key `policy`). A
 * check judged against a part left empty reports NOT_ASSESSED naming it (`policy.requiredTags`),
 * never NOT_APPLICABLE: an empty rule means "not looked at", not "nothing to look at".
 */
export interface TagRule {
  readonly key: string;
  /** A regular expression the value must match in full. */
  readonly pattern?: string | undefined;
  /** Resource types the rule applies to (globs such as `aws.ec2.*`); all taggable types if absent. */
  readonly resourceTypes?: readonly string[] | undefined;
}

export interface Policy {
  readonly requiredTags: readonly TagRule[];
  /** Allowed regions/locations per provider; absent: residency on that provider is not assessed. */
  readonly allowedRegions: { readonly [P in ProviderId]?: readonly string[] | undefined };
  /** Names or ids (globs) of resources holding critical data: versioning, CMK and backup checks tighten on them. */
  readonly criticalResources: readonly string[];
}

export const DEFAULT_POLICY: Policy = { requiredTags: [], allowedRegions: {}, criticalResources: [] };
