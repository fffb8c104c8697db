import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/keyvault/azure-keyvault-vault-rbac-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, vault } from '../fixtures.js';

describe('azure-keyvault-vault-rbac-enabled', () => {
  it('passes RBAC vaults and fails access-policy vaults', () => {
    const results = runCheck(check, [list('azure.keyvault.vault', [vault('kv-rbac'), vault('kv-policies', { rbacAuthorization: false })])]);
    expect(statuses(results)).toEqual([['kv-rbac', 'PASS'], ['kv-policies', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ enableRbacAuthorization: false });
  });
  it('is ERROR for a failed listing and NOT_APPLICABLE without vaults', () => {
    expect(runCheck(check, [failed('azure.keyvault.vault', 'Microsoft.KeyVault/vaults/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.keyvault.vault', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
