import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/storage/azure-storage-account-blob-versioning-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list, storageAccount } from '../fixtures.js';
import { expectErrorAndNotApplicable } from '../lib/services.js';

describe('azure-storage-account-blob-versioning-enabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('st-versioned', {}), storageAccount('st-plain', { blobService: seen({ blobSoftDeleteDays: 7, containerSoftDeleteDays: 7, versioning: false }) })])]);
    expect(statuses(results)).toEqual([['st-versioned', 'PASS'], ['st-plain', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.Storage/storageAccounts/read');
  });
  it('is ERROR when the blob service could not be read, NOT_APPLICABLE for an account without one', () => {
    const results = runCheck(check, [list('azure.storage.account', [storageAccount('st-denied', { blobService: deniedFact('Microsoft.Storage/storageAccounts/blobServices/read') }), storageAccount('st-files', { blobService: seen(null) })])]);
    expect(statuses(results)).toEqual([['st-denied', 'ERROR'], ['st-files', 'NOT_APPLICABLE']]);
  });
});
