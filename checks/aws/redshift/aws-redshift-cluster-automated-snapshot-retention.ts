import { defineCheck } from '../../../src/core/check.js';
import { assessRetention } from '../lib/retention.js';

export default defineCheck({
  id: 'aws-redshift-cluster-automated-snapshot-retention',
  title: 'Redshift clusters keep automated snapshots for the required number of days',
  provider: 'aws',
  service: 'redshift',
  resourceType: 'aws.redshift.cluster',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Automated snapshots are the warehouse\'s restore points; retention 0 turns them off, and a short retention may be less than the contract promises to restore.',
  remediation: {
    text: 'Set the automated snapshot retention period to at least the required days (up to 35).',
    cli: 'aws redshift modify-cluster --cluster-identifier CLUSTER --automated-snapshot-retention-period 7',
  },
  defaults: { minRetentionDays: 7 },
  assess(r, ctx) {
    return assessRetention(r.data.automatedSnapshotRetentionPeriod, ctx.params.minRetentionDays, ctx, 'Automated snapshots');
  },
});
