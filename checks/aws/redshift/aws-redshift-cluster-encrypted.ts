import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-redshift-cluster-encrypted',
  title: 'Redshift clusters encrypt their data at rest',
  provider: 'aws',
  service: 'redshift',
  resourceType: 'aws.redshift.cluster',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'A data warehouse concentrates the organisation\'s data; an unencrypted cluster leaves its blocks, backups and snapshots readable to anyone reaching the storage.',
  remediation: {
    text: 'Enable encryption on the cluster (Redshift migrates the data online) with a KMS key.',
    cli: 'aws redshift modify-cluster --cluster-identifier CLUSTER --encrypted --kms-key-id KEY_ARN',
  },
  assess(r, ctx) {
    const { encrypted, kmsKeyId } = r.data;
    return encrypted
      ? ctx.pass('Data at rest is encrypted', { encrypted, kmsKeyId })
      : ctx.fail('Data at rest is not encrypted', { encrypted, kmsKeyId });
  },
});
