import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { outsideCritical, type AppliesTo } from '../lib/critical.js';

export default defineCheck({
  id: 'azure-cosmosdb-account-cmk-encrypted',
  title: 'Cosmos DB accounts holding critical data are encrypted with customer-managed keys',
  provider: 'azure',
  service: 'cosmosdb',
  resourceType: 'azure.cosmosdb.account',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale:
    'Every account is encrypted with service-managed keys; a customer-managed key in Key Vault adds control over rotation and the ability to revoke access to the data. ' +
    'It can only be set when the account is created.',
  remediation: {
    text: 'Create the account with a key from a Key Vault with purge protection (`keyVaultKeyUri`), and migrate the data to it.',
    cli: 'az cosmosdb create --name <account> --resource-group <rg> --key-uri https://<vault>.vault.azure.net/keys/<key> ...',
  },
  defaults: { appliesTo: 'critical' as AppliesTo },
  assess(account, ctx) {
    const evidence = { keyVaultKeyUri: account.data.keyVaultKeyUri, appliesTo: ctx.params.appliesTo };
    const outside = outsideCritical(account, ctx, evidence);
    if (outside) return outside;
    return account.data.keyVaultKeyUri !== null
      ? ctx.pass('Encrypted with a customer-managed key', evidence)
      : ctx.fail('Encrypted with service-managed keys', evidence);
  },
});
