import { softDeleteCheck } from '../lib/storage.js';

export default softDeleteCheck({
  id: 'azure-storage-account-blob-soft-delete-enabled',
  what: 'blobs',
  days: (s) => s.blobSoftDeleteDays,
  cli: 'az storage account blob-service-properties update --account-name <account> --resource-group <rg> --enable-delete-retention true --delete-retention-days 14',
  references: ['CIS Microsoft Azure Foundations 3.0.0 4.10'],
});
