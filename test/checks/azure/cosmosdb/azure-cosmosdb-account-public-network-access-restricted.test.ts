import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/cosmosdb/azure-cosmosdb-account-public-network-access-restricted.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, cosmos } from '../lib/services.js';

describe('azure-cosmosdb-account-public-network-access-restricted', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.cosmosdb.account', [cosmos('c-private', {}), cosmos('c-ip', { publicNetworkAccess: 'Enabled', ipRules: ['198.51.100.7'] }), cosmos('c-vnet', { publicNetworkAccess: 'Enabled', virtualNetworkFilter: true }), cosmos('c-open', { publicNetworkAccess: 'Enabled' }), cosmos('c-unset', { publicNetworkAccess: null }), cosmos('c-any', { publicNetworkAccess: 'Enabled', ipRules: ['0.0.0.0/0'] })])]);
    expect(statuses(results)).toEqual([['c-private', 'PASS'], ['c-ip', 'PASS'], ['c-vnet', 'PASS'], ['c-open', 'FAIL'], ['c-unset', 'FAIL'], ['c-any', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DocumentDB/databaseAccounts/read');
  });
});
