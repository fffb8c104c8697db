import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/cosmosdb/azure-cosmosdb-account-min-tls-1-2.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, cosmos } from '../lib/services.js';

describe('azure-cosmosdb-account-min-tls-1-2', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.cosmosdb.account', [cosmos('c-12', {}), cosmos('c-10', { minimalTlsVersion: 'Tls' }), cosmos('c-11', { minimalTlsVersion: 'Tls11' }), cosmos('c-unset', { minimalTlsVersion: null })])]);
    expect(statuses(results)).toEqual([['c-12', 'PASS'], ['c-10', 'FAIL'], ['c-11', 'FAIL'], ['c-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DocumentDB/databaseAccounts/read');
  });
});
