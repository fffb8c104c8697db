import { defineCheck } from '../../../src/core/check.js';
import { assessResourcePolicy, RESOURCE_POLICIES } from '../lib/resource-policy.js';

export default defineCheck({
  id: 'aws-backup-vault-policy-not-public',
  title: 'Backup vault access policies do not allow everyone',
  provider: 'aws',
  service: 'backup',
  resourceType: 'aws.backup.vault',
  duty: 'backups',
  severity: 'critical',
  rationale: 'A vault policy allowing Principal "*" without a narrowing condition lets any AWS account act on the recovery points, from copying them out to deleting the backups an incident would need.',
  remediation: {
    text: 'Remove the statement or name the principals; a vault policy should mostly Deny deletion to everyone but a break-glass role.',
    cli: 'aws backup get-backup-vault-access-policy --backup-vault-name VAULT',
  },
  assess: (vault, ctx) => assessResourcePolicy(vault.data.policy, RESOURCE_POLICIES.backup, ctx),
});
