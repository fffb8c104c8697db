import { defineCheck } from '../../../src/core/check.js';
import { assessCriticalCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'aws-redshift-cluster-critical-cmk-encrypted',
  title: 'Redshift clusters holding critical data are encrypted with a customer-managed KMS key',
  provider: 'aws',
  service: 'redshift',
  resourceType: 'aws.redshift.cluster',
  uses: ['aws.kms.key'],
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'Critical warehouses (policy.criticalResources) should be encrypted with a key whose policy the customer controls and can revoke; an unencrypted cluster or one under the AWS managed key gives no such control.',
  remediation: {
    text: 'Encrypt the cluster with a customer-managed KMS key (an online migration).',
    cli: 'aws redshift modify-cluster --cluster-identifier CLUSTER --encrypted --kms-key-id KEY_ARN',
  },
  assess: (r, ctx) => assessCriticalCustomerKey(r, r.data.encrypted ? r.data.kmsKeyId : null, ctx),
});
