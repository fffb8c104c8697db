import { defineCheck } from '../../../src/core/check.js';
import { assessResourcePolicy, RESOURCE_POLICIES } from '../lib/resource-policy.js';

export default defineCheck({
  id: 'aws-kms-key-policy-not-public',
  title: 'KMS key policies do not allow everyone',
  provider: 'aws',
  service: 'kms',
  resourceType: 'aws.kms.key',
  duty: 'encryption-at-rest',
  severity: 'critical',
  rationale: 'A key policy allowing Principal "*" without a kms:CallerAccount, organisation or source condition lets any AWS account use the key, decrypting whatever it protects wherever they obtain the ciphertext.',
  remediation: {
    text: 'Replace "*" with the account root or named roles, or add kms:CallerAccount / aws:PrincipalOrgID conditions.',
    cli: 'aws kms get-key-policy --key-id KEY --policy-name default',
  },
  assess(key, ctx) {
    const { keyManager } = ctx.known(key.data.metadata);
    if (keyManager !== 'CUSTOMER') return ctx.notApplicable('An AWS managed key: AWS writes its policy', { keyManager });
    if (key.data.policy === null) throw new Error('a customer-managed key whose policy was not collected');
    return assessResourcePolicy(key.data.policy, RESOURCE_POLICIES.kms, ctx);
  },
});
