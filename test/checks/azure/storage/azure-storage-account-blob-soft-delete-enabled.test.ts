import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/storage/azure-storage-account-blob-soft-delete-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list, storageAccount } from '../fixtures.js';
import { expectErrorAndNotApplicable } from '../lib/services.js';

describe('azure-storage-account-blob-soft-delete-enabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('st-14', { blobService: seen({ blobSoftDeleteDays: 14, containerSoftDeleteDays: null, versioning: false }) }), storageAccount('st-off', { blobService: seen({ blobSoftDeleteDays: null, containerSoftDeleteDays: 30, versioning: true }) }), storageAccount('st-short', { blobService: seen({ blobSoftDeleteDays: 3, containerSoftDeleteDays: 30, versioning: true }) })])]);
    expect(statuses(results)).toEqual([['st-14', 'PASS'], ['st-off', 'FAIL'], ['st-short', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.Storage/storageAccounts/read');
  });
  it('is ERROR when the blob service could not be read, NOT_APPLICABLE for an account without one', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('st-denied', { blobService: deniedFact('Microsoft.Storage/storageAccounts/blobServices/read') }), storageAccount('st-files', { kind: 'FileStorage', blobService: seen(null) })])]);
    expect(statuses(results)).toEqual([['st-denied', 'ERROR'], ['st-files', 'NOT_APPLICABLE']]);
    expect(results[0]?.error?.operation).toBe('Microsoft.Storage/storageAccounts/blobServices/read');
  });
  it('takes the required days from its params', () => {
    expect(runCheck(check, [list('azure.storage.account', [storageAccount('st-14', { blobService: seen({ blobSoftDeleteDays: 14, containerSoftDeleteDays: 14, versioning: true }) })])], { params: { minRetentionDays: 30 } })[0]?.status).toBe('FAIL');
  });
});
