import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-cluster-iam-auth-enabled',
  title: 'RDS and Aurora clusters accept IAM database authentication',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.cluster',
  duty: 'credentials',
  severity: 'low',
  rationale: 'With IAM database authentication, people and workloads sign in with short-lived tokens tied to their IAM identity instead of long-lived database passwords shared in configuration files.',
  remediation: {
    text: 'Enable IAM database authentication on the cluster and move users to it (rds-db:connect).',
    cli: 'aws rds modify-db-cluster --db-cluster-identifier CLUSTER --enable-iam-database-authentication --apply-immediately',
  },
  assess(r, ctx) {
    const { iamDatabaseAuthenticationEnabled } = r.data;
    return iamDatabaseAuthenticationEnabled
      ? ctx.pass('IAM database authentication is on', { iamDatabaseAuthenticationEnabled })
      : ctx.fail('IAM database authentication is off', { iamDatabaseAuthenticationEnabled });
  },
});
