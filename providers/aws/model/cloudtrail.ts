import type { Observed } from '../../../src/core/observed.js';

/**
 * CloudTrail (regional). Each region's listing holds the trails that apply to that region:
 * `cloudtrail:DescribeTrails` with `includeShadowTrails=true`, so a multi-region or organization
 * trail appears in every region it covers (with `homeRegion` naming where it lives). Checks that
 * judge a trail's own settings look at it in its home region only.
 */

export interface TrailStatus {
  readonly isLogging: boolean;
  readonly latestDeliveryTime: string | null;
  readonly latestDeliveryError: string | null;
}

/** `cloudtrail:GetEventSelectors`, basic or advanced selectors reduced to what the duties ask. */
export interface TrailEventSelectors {
  readonly managementEvents: { readonly read: boolean; readonly write: boolean };
  readonly s3ObjectDataEvents: { readonly read: boolean; readonly write: boolean };
}

/** `aws.cloudtrail.trail`; `Resource.id` is the trail ARN. */
export interface CloudTrailTrail {
  readonly name: string;
  readonly trailArn: string;
  readonly homeRegion: string;
  readonly isMultiRegionTrail: boolean;
  readonly isOrganizationTrail: boolean;
  readonly includeGlobalServiceEvents: boolean;
  readonly logFileValidationEnabled: boolean;
  /** SSE-KMS key for log files; null: SSE-S3. */
  readonly kmsKeyId: string | null;
  readonly s3BucketName: string | null;
  readonly cloudWatchLogsLogGroupArn: string | null;
  /** `cloudtrail:GetTrailStatus` */
  readonly status: Observed<TrailStatus>;
  readonly eventSelectors: Observed<TrailEventSelectors>;
}
