import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/keyvault/azure-keyvault-vault-public-network-access-restricted.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list, vault } from '../fixtures.js';
import { expectErrorAndNotApplicable } from '../lib/services.js';

describe('azure-keyvault-vault-public-network-access-restricted', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.keyvault.vault', [vault('kv-private', { publicNetworkAccess: 'Disabled', networkDefaultAction: 'Allow' }), vault('kv-firewalled', { publicNetworkAccess: 'Enabled', networkDefaultAction: 'Deny' }), vault('kv-open', { publicNetworkAccess: 'Enabled', networkDefaultAction: 'Allow' }), vault('kv-unset', { publicNetworkAccess: null, networkDefaultAction: null })])]);
    expect(statuses(results)).toEqual([['kv-private', 'PASS'], ['kv-firewalled', 'PASS'], ['kv-open', 'FAIL'], ['kv-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.KeyVault/vaults/read');
  });
});
