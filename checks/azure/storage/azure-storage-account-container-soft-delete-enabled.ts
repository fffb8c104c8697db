import { softDeleteCheck } from '../lib/storage.js';

export default softDeleteCheck({
  id: 'azure-storage-account-container-soft-delete-enabled',
  what: 'containers',
  days: (s) => s.containerSoftDeleteDays,
  cli: 'az storage account blob-service-properties update --account-name <account> --resource-group <rg> --enable-container-delete-retention true --container-delete-retention-days 14',
  references: ['CIS Microsoft Azure Foundations 3.0.0 4.10'],
});
