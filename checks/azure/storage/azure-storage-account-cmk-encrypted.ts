import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { isCritical } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'azure-storage-account-cmk-encrypted',
  title: 'Storage accounts holding critical data are encrypted with customer-managed keys',
  provider: 'azure',
  service: 'storage',
  resourceType: 'azure.storage.account',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale:
    'Every account is encrypted with Microsoft-managed keys; a customer-managed key in Key Vault adds control over rotation and the ability to revoke access to the data. ' +
    'Contracts that require customer control of keys are met only by `Microsoft.Keyvault` as the key source.',
  remediation: {
    text: 'Configure the account to use a key from a Key Vault with purge protection, through the account managed identity.',
    cli: 'az storage account update --name <account> --resource-group <rg> --encryption-key-source Microsoft.Keyvault --encryption-key-vault <uri> --encryption-key-name <key>',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 4.11'],
  defaults: { appliesTo: 'critical' as 'all' | 'critical' },
  assess(account, ctx) {
    const { keySource, keyVaultUri } = account.data;
    const evidence = { keySource, keyVaultUri, appliesTo: ctx.params.appliesTo };
    if (ctx.params.appliesTo === 'critical' && !isCritical(account, ctx.policy.criticalResources)) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', evidence);
      return ctx.notApplicable('Not a critical resource, and the check applies to critical resources only', evidence);
    }
    return keySource.toLowerCase() === 'microsoft.keyvault'
      ? ctx.pass('Encrypted with a customer-managed key', evidence)
      : ctx.fail(`Encrypted with ${keySource === 'Microsoft.Storage' ? 'Microsoft-managed keys' : keySource}`, evidence);
  },
});
