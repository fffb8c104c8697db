import type { TagRule } from '../../../src/core/policy.js';

/**
 * Resource Groups Tagging API (regional): `tag:GetResources`, one paged call per region for every
 * taggable type; global resources (CloudFront, Route 53) answer in us-east-1 only, so once.
 */
export interface TaggedResource {
  readonly arn: string;
  /** The ARN's service (`dynamodb`). */
  readonly service: string;
  /** `<service>:<resource type>` as tag policies and `ResourceTypeFilters` spell it (`dynamodb:table`). */
  readonly arnType: string;
  /**
   * The dutyscan type the rules' `resourceTypes` globs match: the typed collector's where there is
   * one (`aws.ec2.instance`), else `aws.<service>.<resource type>` (`aws.dynamodb.table`).
   */
  readonly resourceType: string;
}

/**
 * Organizations (global): `organizations:DescribeEffectivePolicy` with `TAG_POLICY`, asked by each
 * account for itself. Only statements with `report_required_tag_for` require a tag: a tag policy
 * otherwise judges a tag's spelling and values where it is present, not its absence.
 */
export interface EffectiveTagPolicy {
  /** Whether the account has an effective tag policy at all. */
  readonly present: boolean;
  /** `organizations:effective-tag-policy/<account>`: where the rules came from. */
  readonly source: string;
  readonly rules: readonly TagRule[];
  readonly lastUpdated: string | null;
}
