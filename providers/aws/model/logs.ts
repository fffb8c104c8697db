/** CloudWatch Logs (regional): `logs:DescribeLogGroups`, one paginated call per region. */

/** `aws.logs.log-group`; `Resource.id` is the log group ARN (without the trailing `:*`). */
export interface LogGroup {
  readonly logGroupName: string;
  readonly arn: string;
  /** null: events never expire. */
  readonly retentionInDays: number | null;
  readonly storedBytes: number | null;
  readonly kmsKeyId: string | null;
  /** STANDARD, INFREQUENT_ACCESS, DELIVERY */
  readonly logGroupClass: string | null;
  readonly creationTime: string | null;
}
