/** IAM Access Analyzer (regional): `access-analyzer:ListAnalyzers`, one paginated call per region. */

/** `aws.accessanalyzer.analyzer`; `Resource.id` is the analyzer ARN, tags in `Resource.tags`. */
export interface AccessAnalyzer {
  readonly arn: string;
  readonly name: string;
  /**
   * ACCOUNT or ORGANIZATION (external access), ACCOUNT_UNUSED_ACCESS or ORGANIZATION_UNUSED_ACCESS
   * (unused access), ACCOUNT_INTERNAL_ACCESS or ORGANIZATION_INTERNAL_ACCESS.
   */
  readonly type: string;
  /** ACTIVE, CREATING, DISABLED, FAILED */
  readonly status: string;
  /** Why a DISABLED or FAILED analyzer is so (e.g. AWS_SERVICE_ACCESS_DISABLED). */
  readonly statusReason: string | null;
  readonly createdAt: string | null;
}
