import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/storage/azure-storage-account-infrastructure-encryption-enabled.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, list, storageAccount } from '../fixtures.js';

describe('azure-storage-account-infrastructure-encryption-enabled', () => {
  it('passes a compliant account and fails a non-compliant one', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('good'), storageAccount('bad', { infrastructureEncryption: false })])], { params: { appliesTo: 'all' } });
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ requireInfrastructureEncryption: false });
  });
  it('is ERROR when accounts could not be listed, NOT_APPLICABLE when there are none', () => {
    expect(runCheck(check, [failed('azure.storage.account', 'Microsoft.Storage/storageAccounts/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.storage.account', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('is NOT_APPLICABLE for accounts not named critical under the default parameters', () => {
    const accounts = [storageAccount('crit-data', { infrastructureEncryption: false }), storageAccount('scratch', { infrastructureEncryption: false })];
    const results = runCheck(check, [list('azure.storage.account', accounts)], { policy: { criticalResources: ['crit-*'] } });
    expect(statuses(results)).toEqual([['crit-data', 'FAIL'], ['scratch', 'NOT_APPLICABLE']]);
  });
  it('is NOT_ASSESSED under the default parameters while policy.criticalResources is empty', () => {
    expectNotAssessed(runCheck(check, [list('azure.storage.account', [storageAccount('crit-data', { infrastructureEncryption: false }), storageAccount('good')])]), 'policy.criticalResources');
  });
});
