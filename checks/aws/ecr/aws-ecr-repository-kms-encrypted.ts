import { defineCheck } from '../../../src/core/check.js';
import { isCritical } from '../../../src/core/critical.js';
import { keyManager } from '../lib/keys.js';

export default defineCheck({
  id: 'aws-ecr-repository-kms-encrypted',
  title: 'Critical ECR repositories are encrypted with a customer-managed KMS key',
  provider: 'aws',
  service: 'ecr',
  resourceType: 'aws.ecr.repository',
  uses: ['aws.kms.key'],
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'ECR encrypts every image with AES-256 by default; for repositories named in policy.criticalResources, a customer-managed KMS key adds a key policy the organisation controls and a kill switch. Encryption is chosen at creation and cannot be changed afterwards.',
  remediation: {
    text: 'Create a new repository with KMS encryption and a customer-managed key, push the images there and retire the old one.',
    cli: 'aws ecr create-repository --repository-name REPO --encryption-configuration encryptionType=KMS,kmsKey=KEY_ARN',
  },
  assess(repo, ctx) {
    if (!isCritical(repo, ctx.policy.criticalResources)) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null });
      return ctx.notApplicable('Not a critical repository (policy.criticalResources)', { critical: false });
    }
    const { encryptionType, kmsKey } = repo.data;
    if (!encryptionType.startsWith('KMS')) return ctx.fail(`Encrypted with ${encryptionType}, not KMS`, { critical: true, encryptionType, kmsKey });
    const { manager } = keyManager(kmsKey, ctx);
    const evidence = { critical: true, encryptionType, kmsKey, keyManager: manager };
    return manager === 'customer'
      ? ctx.pass(`Encrypted with customer-managed key ${kmsKey}`, evidence)
      : ctx.fail('Encrypted with the AWS managed key aws/ecr', evidence);
  },
});
