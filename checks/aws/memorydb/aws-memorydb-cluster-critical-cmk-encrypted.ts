import { defineCheck } from '../../../src/core/check.js';
import { assessCriticalCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'aws-memorydb-cluster-critical-cmk-encrypted',
  title: 'MemoryDB clusters holding critical data are encrypted with a customer-managed KMS key',
  provider: 'aws',
  service: 'memorydb',
  resourceType: 'aws.memorydb.cluster',
  uses: ['aws.kms.key'],
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'MemoryDB always encrypts data at rest, by default with an AWS owned key. For critical clusters (policy.criticalResources) a contract usually asks for a customer-managed key, whose key policy decides who may decrypt and whose use CloudTrail records.',
  remediation: {
    text: 'Create a cluster with a customer-managed KMS key from a snapshot of this one, switch clients, and delete the old one.',
    cli: 'aws memorydb create-cluster --cluster-name NEW --node-type NODE_TYPE --acl-name ACL --tls-enabled --kms-key-id KEY_ARN --snapshot-name SNAPSHOT',
  },
  assess: (r, ctx) => assessCriticalCustomerKey(r, r.data.kmsKeyId, ctx),
});
