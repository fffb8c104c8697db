import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/keyvault/azure-keyvault-vault-recoverable.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, vault } from '../fixtures.js';

describe('azure-keyvault-vault-recoverable', () => {
  it('needs both soft delete and purge protection', () => {
    const results = runCheck(check, [list('azure.keyvault.vault', [vault('kv-ok'), vault('kv-purgeable', { purgeProtection: false }), vault('kv-old', { softDelete: false, purgeProtection: false })])]);
    expect(statuses(results)).toEqual([['kv-ok', 'PASS'], ['kv-purgeable', 'FAIL'], ['kv-old', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ enableSoftDelete: true, enablePurgeProtection: false });
  });
  it('is ERROR for a failed listing and NOT_APPLICABLE without vaults', () => {
    expect(runCheck(check, [failed('azure.keyvault.vault', 'Microsoft.KeyVault/vaults/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.keyvault.vault', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
