import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/keyvault/azure-keyvault-vault-items-expire.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list, vault } from '../fixtures.js';

describe('azure-keyvault-vault-items-expire', () => {
  it('fails a vault with an enabled secret that never expires, ignoring disabled items', () => {
    const results = runCheck(check, [list('azure.keyvault.vault', [
      vault('kv-ok', { keys: seen([{ name: 'old', enabled: false, expires: null }, { name: 'k', enabled: true, expires: '2027-01-01T00:00:00Z' }]) }),
      vault('kv-bad', { secrets: seen([{ name: 'db-password', enabled: true, expires: null }]) }),
    ])]);
    expect(statuses(results)).toEqual([['kv-ok', 'PASS'], ['kv-bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ secretsWithoutExpiry: ['db-password'], keysWithoutExpiry: [] });
  });
  it('is ERROR for the vault whose secrets could not be read', () => {
    const results = runCheck(check, [list('azure.keyvault.vault', [vault('kv-ok'), vault('kv-locked', { secrets: deniedFact('Microsoft.KeyVault/vaults/secrets/read') })])]);
    expect(statuses(results)).toEqual([['kv-ok', 'PASS'], ['kv-locked', 'ERROR']]);
  });
  it('is NOT_APPLICABLE for an empty vault', () => {
    expect(runCheck(check, [list('azure.keyvault.vault', [vault('kv-empty', { keys: seen([]), secrets: seen([]) })])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
