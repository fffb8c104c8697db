import { defineCheck } from '../../../src/core/check.js';
import { assessCriticalCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'aws-fsx-file-system-critical-cmk-encrypted',
  title: 'FSx file systems holding critical data are encrypted with a customer-managed KMS key',
  provider: 'aws',
  service: 'fsx',
  resourceType: 'aws.fsx.file-system',
  uses: ['aws.kms.key'],
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'FSx always encrypts at rest, by default with the AWS managed key aws/fsx. For critical file systems (policy.criticalResources) a contract usually asks for a customer-managed key, whose key policy decides who may decrypt and whose use CloudTrail records.',
  remediation: {
    text: 'Create a file system with a customer-managed KMS key (or restore a backup into one), move the data and clients, and delete the old one.',
    cli: 'aws fsx create-file-system-from-backup --backup-id BACKUP --kms-key-id KEY_ARN --subnet-ids SUBNET',
  },
  assess: (r, ctx) => assessCriticalCustomerKey(r, r.data.kmsKeyId, ctx),
});
