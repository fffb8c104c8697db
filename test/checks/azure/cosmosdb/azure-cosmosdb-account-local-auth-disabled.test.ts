import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/cosmosdb/azure-cosmosdb-account-local-auth-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, cosmos } from '../lib/services.js';

describe('azure-cosmosdb-account-local-auth-disabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.cosmosdb.account', [cosmos('c-entra', {}), cosmos('c-keys', { disableLocalAuth: false })])]);
    expect(statuses(results)).toEqual([['c-entra', 'PASS'], ['c-keys', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DocumentDB/databaseAccounts/read');
  });
});
