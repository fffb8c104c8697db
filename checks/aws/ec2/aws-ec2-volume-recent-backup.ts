import { defineCheck } from '../../../src/core/check.js';
import { isCritical } from '../../../src/core/critical.js';
import { daysSince, latest } from '../lib/time.js';

export default defineCheck({
  id: 'aws-ec2-volume-recent-backup',
  title: 'EBS volumes have a snapshot or AWS Backup recovery point within the backup window',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.volume',
  uses: ['aws.ec2.snapshot', 'aws.backup.protected-resource'],
  duty: 'backups',
  severity: 'medium',
  rationale:
    'A backup duty is met by a restorable copy, not by a plan: the proof is a completed snapshot or AWS Backup recovery point younger than the window the contract allows to lose.',
  remediation: {
    text: 'Cover the volume with an AWS Backup plan (by tag or ARN) or a Data Lifecycle Manager policy whose schedule fits the window, and check its jobs succeed.',
    cli: 'aws backup start-backup-job --backup-vault-name VAULT --resource-arn VOLUME_ARN --iam-role-arn ROLE_ARN',
  },
  defaults: { windowDays: 7, onlyCritical: false },
  assess(volume, ctx) {
    if (ctx.params.onlyCritical && !isCritical(volume, ctx.policy.criticalResources)) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { onlyCritical: true });
      return ctx.notApplicable('Not a critical volume, and onlyCritical is on', { onlyCritical: true });
    }
    if (volume.data.state === 'deleting' || volume.data.state === 'deleted') return ctx.notApplicable(`The volume is ${volume.data.state}`);
    const lastSnapshot = latest(
      ctx.related('aws.ec2.snapshot').filter((s) => s.data.volumeId === volume.data.volumeId && s.data.state === 'completed').map((s) => s.data.startTime),
    );
    const lastRecoveryPoint = latest(
      ctx.related('aws.backup.protected-resource').filter((p) => p.data.resourceArn === volume.id).map((p) => p.data.lastBackupTime),
    );
    const last = latest([lastSnapshot, lastRecoveryPoint]);
    const ageDays = daysSince(last, ctx.now);
    const evidence = { lastSnapshot, lastRecoveryPoint, ageDays, windowDays: ctx.params.windowDays };
    if (ageDays === null) return ctx.fail('The volume has never been backed up', evidence);
    return ageDays <= ctx.params.windowDays
      ? ctx.pass(`The latest backup is ${ageDays} day(s) old`, evidence)
      : ctx.fail(`The latest backup is ${ageDays} days old, beyond the ${ctx.params.windowDays}-day window`, evidence);
  },
});
