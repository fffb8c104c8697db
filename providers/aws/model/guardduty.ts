import type { Observed } from '../../../src/core/observed.js';

/** GuardDuty (regional): `guardduty:ListDetectors`, then `guardduty:GetDetector` per detector (at most one per region). */

/** `guardduty:GetDetector`. */
export interface GuardDutyDetectorDetail {
  /** `ENABLED` or `DISABLED` */
  readonly status: string;
  /** FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS */
  readonly findingPublishingFrequency: string | null;
  readonly updatedAt: string | null;
}

/** `aws.guardduty.detector`; `Resource.id` is the detector ARN. */
export interface GuardDutyDetector {
  readonly detectorId: string;
  readonly arn: string;
  /** A detector's settings can be unreadable on their own (GetDetector denied). */
  readonly detail: Observed<GuardDutyDetectorDetail>;
}
