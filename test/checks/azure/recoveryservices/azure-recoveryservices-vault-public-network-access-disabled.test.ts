import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/recoveryservices/azure-recoveryservices-vault-public-network-access-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, recoveryVault } from '../lib/services.js';

describe('azure-recoveryservices-vault-public-network-access-disabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.recoveryservices.vault', [recoveryVault('rsv-private', {}), recoveryVault('rsv-public', { publicNetworkAccess: 'Enabled' })])]);
    expect(statuses(results)).toEqual([['rsv-private', 'PASS'], ['rsv-public', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.RecoveryServices/vaults/read');
  });
});
