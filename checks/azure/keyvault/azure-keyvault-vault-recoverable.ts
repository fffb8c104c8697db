import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-keyvault-vault-recoverable',
  title: 'Key vaults have soft delete and purge protection enabled',
  provider: 'azure',
  service: 'keyvault',
  resourceType: 'azure.keyvault.vault',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale:
    'Data encrypted with a customer-managed key is lost when the key is deleted. Soft delete keeps deleted vaults and keys recoverable, ' +
    'and purge protection stops anyone, including an attacker with Owner rights, from purging them before the retention period ends.',
  remediation: {
    text: 'Enable purge protection on the vault (soft delete is on for every vault created since 2020 and cannot be turned off).',
    cli: 'az keyvault update --name <vault> --resource-group <rg> --enable-purge-protection true',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 3.3.5'],
  assess(vault, ctx) {
    const { softDelete, purgeProtection, softDeleteRetentionDays } = vault.data;
    const evidence = { enableSoftDelete: softDelete, enablePurgeProtection: purgeProtection, softDeleteRetentionInDays: softDeleteRetentionDays };
    const missing = [softDelete ? null : 'soft delete', purgeProtection ? null : 'purge protection'].filter((x) => x !== null);
    return missing.length === 0
      ? ctx.pass('Soft delete and purge protection are enabled', evidence)
      : ctx.fail(`Not enabled: ${missing.join(' and ')}`, evidence);
  },
});
