import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/storage/azure-storage-account-blob-public-access-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, storageAccount } from '../fixtures.js';

describe('azure-storage-account-blob-public-access-disabled', () => {
  it('passes a compliant account and fails a non-compliant one', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('good'), storageAccount('bad', { allowBlobPublicAccess: true })])]);
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ allowBlobPublicAccess: true });
  });
  it('is ERROR when accounts could not be listed, NOT_APPLICABLE when there are none', () => {
    expect(runCheck(check, [failed('azure.storage.account', 'Microsoft.Storage/storageAccounts/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.storage.account', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('fails an account that does not state the setting', () => {
    expect(runCheck(check, [list('azure.storage.account', [storageAccount('old', { allowBlobPublicAccess: null })])])[0]?.status).toBe('FAIL');
  });
});
