import { defineCheck } from '../../../src/core/check.js';
import { keyManager } from '../lib/keys.js';

export default defineCheck({
  id: 'aws-secretsmanager-secret-customer-managed-key',
  title: 'Secrets Manager secrets are encrypted with a customer-managed KMS key',
  provider: 'aws',
  service: 'secretsmanager',
  resourceType: 'aws.secretsmanager.secret',
  uses: ['aws.kms.key'],
  duty: 'encryption-at-rest',
  severity: 'low',
  rationale: 'With the AWS managed key aws/secretsmanager, anyone allowed secretsmanager:GetSecretValue can decrypt; a customer-managed key adds a key policy the organisation controls, can be disabled in an incident, and is required to share a secret with another account.',
  remediation: {
    text: 'Create a customer-managed key and set it on the secret; the next rotation or update re-encrypts the value.',
    cli: 'aws secretsmanager update-secret --secret-id SECRET --kms-key-id KEY_ARN',
  },
  assess(secret, ctx) {
    const { manager, key } = keyManager(secret.data.kmsKeyId, ctx);
    return manager === 'customer'
      ? ctx.pass(`Encrypted with customer-managed key ${key}`, { kmsKeyId: key, keyManager: manager })
      : ctx.fail(`Encrypted with the AWS managed key${key ? ` ${key}` : ' aws/secretsmanager'}`, { kmsKeyId: key, keyManager: manager });
  },
});
