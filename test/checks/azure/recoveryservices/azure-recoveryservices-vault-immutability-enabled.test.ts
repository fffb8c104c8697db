import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/recoveryservices/azure-recoveryservices-vault-immutability-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, recoveryVault } from '../lib/services.js';

describe('azure-recoveryservices-vault-immutability-enabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.recoveryservices.vault', [recoveryVault('rsv-unlocked', {}), recoveryVault('rsv-locked', { immutabilityState: 'Locked' }), recoveryVault('rsv-off', { immutabilityState: 'Disabled' }), recoveryVault('rsv-unset', { immutabilityState: null })])]);
    expect(statuses(results)).toEqual([['rsv-unlocked', 'PASS'], ['rsv-locked', 'PASS'], ['rsv-off', 'FAIL'], ['rsv-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.RecoveryServices/vaults/read');
  });
  it('can require the lock', () => {
    expect(runCheck(check, [list('azure.recoveryservices.vault', [recoveryVault('rsv-unlocked')])], { params: { requireLocked: true } })[0]?.status).toBe('FAIL');
  });
});
