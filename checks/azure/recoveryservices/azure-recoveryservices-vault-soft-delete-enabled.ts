import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-recoveryservices-vault-soft-delete-enabled',
  title: 'Recovery Services vaults keep deleted backups recoverable (soft delete)',
  provider: 'azure',
  service: 'recoveryservices',
  resourceType: 'azure.recoveryservices.vault',
  duty: 'backups',
  severity: 'high',
  rationale: 'Attackers delete backups before encrypting data. Soft delete keeps deleted backup data for at least 14 days; `AlwaysON` stops anyone from turning it off again.',
  remediation: { text: 'Enable soft delete on the vault, and make it always on once the retention is right.', cli: 'az backup vault update --name <vault> --resource-group <rg> --soft-delete-state AlwaysON' },
  assess(vault, ctx) {
    const { softDeleteState, softDeleteRetentionDays } = vault.data;
    const evidence = { softDeleteState, softDeleteRetentionDays };
    return softDeleteState !== null && ['enabled', 'alwayson'].includes(softDeleteState.toLowerCase())
      ? ctx.pass(`Soft delete is ${softDeleteState}`, evidence)
      : ctx.fail(`Soft delete is ${softDeleteState ?? 'not reported by the vault'}`, evidence);
  },
});
