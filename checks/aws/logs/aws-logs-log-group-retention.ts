import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-logs-log-group-retention',
  title: 'CloudWatch log groups keep events for at least the required period',
  provider: 'aws',
  service: 'logs',
  resourceType: 'aws.logs.log-group',
  duty: 'logging',
  severity: 'medium',
  rationale:
    'Logging clauses name a retention period (often one year) because breaches are found months after they begin; a log group that expires events sooner deletes the evidence before anyone looks for it. `minRetentionDays` is that period; a group set to never expire keeps everything and passes.',
  remediation: {
    text: 'Set the log group\'s retention to at least the required number of days (or export older events to S3 with a lifecycle of the same length).',
    cli: 'aws logs put-retention-policy --log-group-name NAME --retention-in-days 365',
  },
  defaults: { minRetentionDays: 365 },
  assess(group, ctx) {
    const { retentionInDays, logGroupClass } = group.data;
    const minRetentionDays = ctx.params.minRetentionDays;
    // Delivery-class groups only stage events for delivery elsewhere; their one-day retention cannot be changed.
    if (logGroupClass === 'DELIVERY') return ctx.notApplicable('Delivery log group: retention is fixed by AWS', { logGroupClass });
    if (retentionInDays === null) return ctx.pass('Events never expire', { retentionInDays, minRetentionDays });
    return retentionInDays >= minRetentionDays
      ? ctx.pass(`Events are kept ${retentionInDays} days`, { retentionInDays, minRetentionDays })
      : ctx.fail(`Events are kept ${retentionInDays} days, fewer than ${minRetentionDays}`, { retentionInDays, minRetentionDays });
  },
});
