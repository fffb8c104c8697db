import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-efs-file-system-encrypted',
  title: 'EFS file systems are encrypted at rest',
  provider: 'aws',
  service: 'efs',
  resourceType: 'aws.efs.file-system',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale:
    'Shared file systems often hold exports, uploads and application state. Encryption at rest can only be chosen when a file system is created, so an unencrypted one stays so until its data is copied to a new, encrypted file system.',
  remediation: {
    text: 'Create an encrypted file system (with a customer-managed KMS key where key-management clauses ask for one), copy the data across with AWS DataSync, switch the mounts, and delete the old one. Make encryption the default for new file systems with an SCP or Config rule on elasticfilesystem:Encrypted.',
    cli: 'aws efs create-file-system --encrypted --kms-key-id KEY_ARN --performance-mode generalPurpose --tags Key=Name,Value=NAME',
  },
  assess(fs, ctx) {
    const { encrypted, kmsKeyId, lifeCycleState } = fs.data;
    if (lifeCycleState === 'deleting' || lifeCycleState === 'deleted') {
      return ctx.notApplicable('The file system is being deleted', { lifeCycleState });
    }
    return encrypted
      ? ctx.pass('Encrypted at rest', { encrypted, kmsKeyId })
      : ctx.fail('Not encrypted at rest', { encrypted, kmsKeyId });
  },
});
