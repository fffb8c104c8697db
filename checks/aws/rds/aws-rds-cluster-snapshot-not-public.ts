import { defineCheck } from '../../../src/core/check.js';
import { assessSnapshotSharing } from '../lib/snapshot-sharing.js';

export default defineCheck({
  id: 'aws-rds-cluster-snapshot-not-public',
  title: 'RDS DB cluster snapshots are not shared publicly',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.cluster-snapshot',
  duty: 'network-exposure',
  severity: 'critical',
  rationale: 'A manual DB cluster snapshot whose restore attribute holds \"all\" can be copied and restored by any AWS account in the world: the whole database, outside every control of the owner. Sharing with named accounts is judged by the organisation, not here.',
  remediation: {
    text: 'Remove \"all\" from the DB cluster snapshot\'s restore attribute; share with named accounts where needed.',
    cli: 'aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier SNAPSHOT --attribute-name restore --values-to-remove all',
  },
  assess: (snapshot, ctx) => assessSnapshotSharing(snapshot.data, ctx),
});
