import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-cluster-deletion-protection-enabled',
  title: 'RDS and Aurora clusters are protected against deletion',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.cluster',
  duty: 'backups',
  severity: 'medium',
  rationale: 'A cluster deleted by mistake takes its continuous backups with it unless a final snapshot was asked for; deletion protection stops the mistake.',
  remediation: {
    text: 'Enable deletion protection on production clusters.',
    cli: 'aws rds modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection --apply-immediately',
  },
  assess(cluster, ctx) {
    const { deletionProtection } = cluster.data;
    return deletionProtection
      ? ctx.pass('Deletion protection is on', { deletionProtection })
      : ctx.fail('Deletion protection is off', { deletionProtection });
  },
});
