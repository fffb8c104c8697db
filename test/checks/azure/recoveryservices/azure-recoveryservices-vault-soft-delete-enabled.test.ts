import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/recoveryservices/azure-recoveryservices-vault-soft-delete-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, recoveryVault } from '../lib/services.js';

describe('azure-recoveryservices-vault-soft-delete-enabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.recoveryservices.vault', [recoveryVault('rsv-on', {}), recoveryVault('rsv-always', { softDeleteState: 'AlwaysON' }), recoveryVault('rsv-off', { softDeleteState: 'Disabled' }), recoveryVault('rsv-unknown', { softDeleteState: null })])]);
    expect(statuses(results)).toEqual([['rsv-on', 'PASS'], ['rsv-always', 'PASS'], ['rsv-off', 'FAIL'], ['rsv-unknown', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.RecoveryServices/vaults/read');
  });
});
