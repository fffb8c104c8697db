import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-redshift-cluster-audit-logging-enabled',
  title: 'Redshift clusters log connections and user activity',
  provider: 'aws',
  service: 'redshift',
  resourceType: 'aws.redshift.cluster',
  duty: 'logging',
  severity: 'medium',
  rationale: 'Audit logs (connection, user and user-activity logs) are the record of who connected and what they ran; without them a breach of the warehouse cannot be reconstructed.',
  remediation: {
    text: 'Enable audit logging to CloudWatch Logs or S3, and turn on enable_user_activity_logging in the parameter group for query text.',
    cli: 'aws redshift enable-logging --cluster-identifier CLUSTER --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog',
  },
  assess(cluster, ctx) {
    const logging = ctx.known(cluster.data.logging);
    return logging.loggingEnabled
      ? ctx.pass(`Audit logs go to ${logging.logDestinationType ?? 's3'}`, { ...logging })
      : ctx.fail('Audit logging is off', { ...logging });
  },
});
