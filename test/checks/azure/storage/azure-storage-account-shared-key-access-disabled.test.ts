import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/storage/azure-storage-account-shared-key-access-disabled.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, list, storageAccount } from '../fixtures.js';

describe('azure-storage-account-shared-key-access-disabled', () => {
  it('passes a compliant account and fails a non-compliant one', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('good'), storageAccount('bad', { allowSharedKeyAccess: null })])]);
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ allowSharedKeyAccess: null, requiredFor: 'all' });
  });
  it('is ERROR when accounts could not be listed, NOT_APPLICABLE when there are none', () => {
    expect(runCheck(check, [failed('azure.storage.account', 'Microsoft.Storage/storageAccounts/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.storage.account', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('applies to critical accounts only when configured so', () => {
    const accounts = [storageAccount('crit-data', { allowSharedKeyAccess: true }), storageAccount('scratch', { allowSharedKeyAccess: true })];
    const results = runCheck(check, [list('azure.storage.account', accounts)], { params: { requiredFor: 'critical' }, policy: { criticalResources: ['crit-*'] } });
    expect(statuses(results)).toEqual([['crit-data', 'FAIL'], ['scratch', 'NOT_APPLICABLE']]);
  });
  it('is NOT_ASSESSED for critical accounts only while policy.criticalResources is empty', () => {
    expectNotAssessed(runCheck(check, [list('azure.storage.account', [storageAccount('crit-data', { allowSharedKeyAccess: true })])], { params: { requiredFor: 'critical' } }), 'policy.criticalResources');
  });
});
