import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-recoveryservices-vault-geo-redundant-storage',
  title: 'Recovery Services vaults store backups geo-redundantly',
  provider: 'azure',
  service: 'recoveryservices',
  resourceType: 'azure.recoveryservices.vault',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Locally or zone-redundant backup storage is lost with the region it lives in; geo-redundant storage keeps a copy in the paired region for a regional disaster.',
  remediation: { text: 'Set the vault storage redundancy to GeoRedundant (possible only before the first item is protected).', cli: 'az backup vault backup-properties set --name <vault> --resource-group <rg> --backup-storage-redundancy GeoRedundant' },
  assess(vault, ctx) {
    const value = vault.data.storageRedundancy;
    const evidence = { standardTierStorageRedundancy: value };
    return value?.toLowerCase() === 'georedundant' ? ctx.pass('Backups are geo-redundant', evidence) : ctx.fail(`Backup storage is ${value ?? 'not reported'}`, evidence);
  },
});
