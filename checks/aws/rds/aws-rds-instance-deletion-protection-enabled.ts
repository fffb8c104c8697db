import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-instance-deletion-protection-enabled',
  title: 'RDS instances are protected against deletion',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.instance',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Deleting an instance also deletes its automated backups unless told otherwise; deletion protection makes that a deliberate two-step act, not a slip in a script or a console.',
  remediation: {
    text: 'Enable deletion protection on production instances.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --deletion-protection --apply-immediately',
  },
  assess(db, ctx) {
    const { deletionProtection, dbClusterIdentifier } = db.data;
    if (dbClusterIdentifier !== null) return ctx.notApplicable('Cluster member: deletion protection is the cluster\'s', { dbClusterIdentifier });
    return deletionProtection
      ? ctx.pass('Deletion protection is on', { deletionProtection })
      : ctx.fail('Deletion protection is off', { deletionProtection });
  },
});
