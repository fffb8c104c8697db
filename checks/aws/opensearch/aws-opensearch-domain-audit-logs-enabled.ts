import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-opensearch-domain-audit-logs-enabled',
  title: 'OpenSearch domains publish audit logs',
  provider: 'aws',
  service: 'opensearch',
  resourceType: 'aws.opensearch.domain',
  duty: 'logging',
  severity: 'medium',
  rationale: 'Audit logs record who authenticated and which indices they read or changed; without them a leak from the domain cannot be traced. They require fine-grained access control.',
  remediation: {
    text: 'Enable fine-grained access control, then publish AUDIT_LOGS to a CloudWatch Logs group.',
    cli: 'aws opensearch update-domain-config --domain-name DOMAIN --log-publishing-options AUDIT_LOGS={CloudWatchLogsLogGroupArn=LOG_GROUP_ARN,Enabled=true}',
  },
  assess(r, ctx) {
    const { auditLogsEnabled } = r.data;
    if (r.data.deleted) return ctx.notApplicable('The domain is being deleted', { deleted: true });
    return auditLogsEnabled
      ? ctx.pass('Audit logs are published', { auditLogsEnabled })
      : ctx.fail('Audit logs are not published', { auditLogsEnabled });
  },
});
