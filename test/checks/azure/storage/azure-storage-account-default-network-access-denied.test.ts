import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/storage/azure-storage-account-default-network-access-denied.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, storageAccount } from '../fixtures.js';

describe('azure-storage-account-default-network-access-denied', () => {
  it('passes a compliant account and fails a non-compliant one', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('good'), storageAccount('bad', { networkDefaultAction: 'Allow' })])]);
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ defaultAction: 'Allow' });
  });
  it('is ERROR when accounts could not be listed, NOT_APPLICABLE when there are none', () => {
    expect(runCheck(check, [failed('azure.storage.account', 'Microsoft.Storage/storageAccounts/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.storage.account', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('passes an account with public network access disabled whatever the default action', () => {
    expect(runCheck(check, [list('azure.storage.account', [storageAccount('private', { networkDefaultAction: 'Allow', publicNetworkAccess: 'Disabled' })])])[0]?.status).toBe('PASS');
  });
});
