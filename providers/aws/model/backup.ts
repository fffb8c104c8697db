import type { Observed } from '../../../src/core/observed.js';

/** AWS Backup (regional): `backup:ListBackupPlans`, then `GetBackupPlan` and `ListBackupSelections`/`GetBackupSelection` per plan. */

export interface BackupRule {
  readonly ruleName: string;
  readonly targetBackupVaultName: string;
  /** cron(...) or null for on-demand only */
  readonly scheduleExpression: string | null;
  readonly deleteAfterDays: number | null;
  readonly moveToColdStorageAfterDays: number | null;
}

export interface BackupSelectionTag {
  /** `STRINGEQUALS` */
  readonly conditionType: string;
  readonly conditionKey: string;
  readonly conditionValue: string;
}

export interface BackupSelection {
  readonly selectionId: string;
  readonly selectionName: string;
  readonly iamRoleArn: string;
  /** ARNs or ARN patterns (`arn:aws:ec2:*:*:volume/*`, `*`). */
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly listOfTags: readonly BackupSelectionTag[];
}

/** `aws.backup.plan`; `Resource.id` is the plan ARN. */
export interface BackupPlan {
  readonly backupPlanId: string;
  readonly backupPlanArn: string;
  readonly backupPlanName: string;
  readonly versionId: string;
  readonly creationDate: string;
  readonly lastExecutionDate: string | null;
  /** `backup:GetBackupPlan` */
  readonly rules: Observed<readonly BackupRule[]>;
  /** `backup:ListBackupSelections` + `backup:GetBackupSelection` */
  readonly selections: Observed<readonly BackupSelection[]>;
}

/** `aws.backup.protected-resource`: `backup:ListProtectedResources`, resources with at least one recovery point. */
export interface BackupProtectedResource {
  readonly resourceArn: string;
  /** EBS, EC2, RDS, Aurora, S3, DynamoDB, EFS, ... */
  readonly resourceType: string;
  readonly lastBackupTime: string | null;
  readonly resourceName: string | null;
}
