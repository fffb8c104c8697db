import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-cluster-copy-tags-to-snapshot',
  title: 'RDS and Aurora clusters copy their tags to snapshots',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.cluster',
  duty: 'backups',
  severity: 'low',
  rationale: 'Snapshots outlive their cluster; without its owner and data-classification tags nobody can tell whose data a snapshot holds, how sensitive it is, or whether it may be deleted.',
  remediation: {
    text: 'Turn on copy tags to snapshots, then tag the existing snapshots.',
    cli: 'aws rds modify-db-cluster --db-cluster-identifier CLUSTER --copy-tags-to-snapshot --apply-immediately',
  },
  assess(r, ctx) {
    const { copyTagsToSnapshot } = r.data;
    return copyTagsToSnapshot
      ? ctx.pass('Tags are copied to snapshots', { copyTagsToSnapshot })
      : ctx.fail('Tags are not copied to snapshots', { copyTagsToSnapshot });
  },
});
