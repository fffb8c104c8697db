import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-storage-account-blob-public-access-disabled',
  title: 'Storage accounts do not allow anonymous public access to blobs',
  provider: 'azure',
  service: 'storage',
  resourceType: 'azure.storage.account',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'With anonymous blob access allowed at the account, any container whose access level is set to Blob or Container is readable by anyone on the Internet, without a key or a token. ' +
    'Only an explicit `false` on the account makes that impossible.',
  remediation: {
    text: 'Disallow blob anonymous access on the account (serve public content through a CDN or SAS instead).',
    cli: 'az storage account update --name <account> --resource-group <rg> --allow-blob-public-access false',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 4.17'],
  assess(account, ctx) {
    const value = account.data.allowBlobPublicAccess;
    const evidence = { allowBlobPublicAccess: value };
    if (value === false) return ctx.pass('Anonymous blob access is disallowed', evidence);
    return ctx.fail(value === true ? 'Anonymous blob access is allowed' : 'Anonymous blob access is not explicitly disallowed', evidence);
  },
});
