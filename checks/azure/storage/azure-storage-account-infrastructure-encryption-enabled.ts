import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { isCritical } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'azure-storage-account-infrastructure-encryption-enabled',
  title: 'Storage accounts holding critical data use infrastructure (double) encryption',
  provider: 'azure',
  service: 'storage',
  resourceType: 'azure.storage.account',
  duty: 'encryption-at-rest',
  severity: 'low',
  rationale:
    'Infrastructure encryption adds a second, independent layer of AES-256 at the infrastructure level, so one compromised key or algorithm does not expose the data. ' +
    'It can only be chosen when the account is created, which is why it is worth verifying early.',
  remediation: {
    text: 'Create a new account with infrastructure encryption enabled and migrate the data (the setting cannot be changed afterwards).',
    cli: 'az storage account create --name <account> --resource-group <rg> --require-infrastructure-encryption',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 4.2'],
  /** `critical`: only accounts named in policy.criticalResources; `all`: every account. */
  defaults: { appliesTo: 'critical' as 'all' | 'critical' },
  assess(account, ctx) {
    const evidence = { requireInfrastructureEncryption: account.data.infrastructureEncryption, appliesTo: ctx.params.appliesTo };
    if (ctx.params.appliesTo === 'critical' && !isCritical(account, ctx.policy.criticalResources)) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', evidence);
      return ctx.notApplicable('Not a critical resource, and the check applies to critical resources only', evidence);
    }
    return account.data.infrastructureEncryption
      ? ctx.pass('Infrastructure encryption is enabled', evidence)
      : ctx.fail('Infrastructure encryption is not enabled', evidence);
  },
});
