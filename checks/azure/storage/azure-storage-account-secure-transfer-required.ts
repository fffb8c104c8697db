import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-storage-account-secure-transfer-required',
  title: 'Storage accounts accept only HTTPS (secure transfer required)',
  provider: 'azure',
  service: 'storage',
  resourceType: 'azure.storage.account',
  duty: 'encryption-in-transit',
  severity: 'high',
  rationale: 'Without "secure transfer required" the blob, file, queue and table endpoints also answer plain HTTP, exposing data and SAS tokens on the wire.',
  remediation: {
    text: 'Turn on "Secure transfer required" on the storage account.',
    cli: 'az storage account update --name <account> --resource-group <rg> --https-only true',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 4.1'],
  assess(account, ctx) {
    // The API has defaulted to true since 2019; an absent value on an old account means false.
    const httpsOnly = account.data.httpsTrafficOnly === true;
    const evidence = { supportsHttpsTrafficOnly: account.data.httpsTrafficOnly };
    return httpsOnly ? ctx.pass('Secure transfer is required', evidence) : ctx.fail('The account also accepts plain HTTP', evidence);
  },
});
