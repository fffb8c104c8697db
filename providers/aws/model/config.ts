import type { Observed } from '../../../src/core/observed.js';

/**
 * AWS Config (regional): `config:DescribeConfigurationRecorders` (the listing) and one
 * `config:DescribeConfigurationRecorderStatus` for the region's recorders.
 */

/** What a recorder records (`recordingGroup`). */
export interface ConfigRecordingGroup {
  /** Every supported resource type, current and future. */
  readonly allSupported: boolean;
  readonly includeGlobalResourceTypes: boolean;
  /** ALL_SUPPORTED_RESOURCE_TYPES, INCLUSION_BY_RESOURCE_TYPES, EXCLUSION_BY_RESOURCE_TYPES; null when absent. */
  readonly recordingStrategy: string | null;
  readonly resourceTypes: readonly string[];
  readonly excludedResourceTypes: readonly string[];
}

/** `config:DescribeConfigurationRecorderStatus` for one recorder. */
export interface ConfigRecorderStatus {
  readonly recording: boolean;
  /** Pending, Success, Failure, NotApplicable */
  readonly lastStatus: string | null;
  readonly lastErrorCode: string | null;
}

/** `aws.config.recorder`; `Resource.id` is the recorder ARN (or a synthesised one). */
export interface ConfigRecorder {
  readonly name: string;
  readonly arn: string;
  readonly roleArn: string | null;
  /** Set for service-linked recorders, which record only what their service asks for. */
  readonly servicePrincipal: string | null;
  readonly recordingGroup: ConfigRecordingGroup;
  /** null: the status call answered, but not for this recorder. */
  readonly status: Observed<ConfigRecorderStatus | null>;
}
