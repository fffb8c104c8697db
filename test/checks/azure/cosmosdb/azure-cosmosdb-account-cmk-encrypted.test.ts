import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/cosmosdb/azure-cosmosdb-account-cmk-encrypted.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, cosmos } from '../lib/services.js';

describe('azure-cosmosdb-account-cmk-encrypted', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.cosmosdb.account', [cosmos('c-cmk', {}), cosmos('c-smk', { keyVaultKeyUri: null })])], { params: { appliesTo: 'all' } });
    expect(statuses(results)).toEqual([['c-cmk', 'PASS'], ['c-smk', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DocumentDB/databaseAccounts/read');
  });
  it('applies to critical accounts only by default: NOT_ASSESSED without critical resources, NOT_APPLICABLE outside them', () => {
    const accounts = [list('azure.cosmosdb.account', [cosmos('c-smk', { keyVaultKeyUri: null })])];
    expect(runCheck(check, accounts, { params: { appliesTo: 'critical' } }).map((r) => r.status)).toEqual(['NOT_ASSESSED']);
    expect(runCheck(check, accounts, { params: { appliesTo: 'critical' }, policy: { criticalResources: ['other-*'] } }).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, accounts, { params: { appliesTo: 'critical' }, policy: { criticalResources: ['c-*'] } }).map((r) => r.status)).toEqual(['FAIL']);
  });
});
