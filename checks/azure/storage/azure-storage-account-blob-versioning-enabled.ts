import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-storage-account-blob-versioning-enabled',
  title: 'Storage accounts keep previous versions of overwritten blobs',
  provider: 'azure',
  service: 'storage',
  resourceType: 'azure.storage.account',
  duty: 'backups',
  severity: 'low',
  rationale: 'Soft delete covers deletion only; an overwrite (ransomware encrypting blobs in place, a faulty upload) destroys the data unless blob versioning keeps the previous version.',
  remediation: {
    text: 'Enable blob versioning, with a lifecycle rule that deletes old versions after the retention period.',
    cli: 'az storage account blob-service-properties update --account-name <account> --resource-group <rg> --enable-versioning true',
  },
  assess(account, ctx) {
    const service = ctx.known(account.data.blobService);
    if (service === null) return ctx.notApplicable('The account has no blob service', { kind: account.data.kind });
    const evidence = { isVersioningEnabled: service.versioning };
    return service.versioning ? ctx.pass('Blob versioning is enabled', evidence) : ctx.fail('Blob versioning is off', evidence);
  },
});
