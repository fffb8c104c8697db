import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/storage/azure-storage-account-min-tls-1-2.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, storageAccount } from '../fixtures.js';

describe('azure-storage-account-min-tls-1-2', () => {
  it('passes a compliant account and fails a non-compliant one', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('good', { minimumTlsVersion: 'TLS1_3' }), storageAccount('bad', { minimumTlsVersion: 'TLS1_1' })])]);
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ minimumTlsVersion: 'TLS1_1', required: 'TLS1_2' });
  });
  it('is ERROR when accounts could not be listed, NOT_APPLICABLE when there are none', () => {
    expect(runCheck(check, [failed('azure.storage.account', 'Microsoft.Storage/storageAccounts/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.storage.account', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('reads an unset minimum as TLS 1.0', () => {
    expect(runCheck(check, [list('azure.storage.account', [storageAccount('old', { minimumTlsVersion: null })])])[0]?.status).toBe('FAIL');
  });
});
