import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/mysql/azure-mysql-flexible-server-public-network-access-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, mysql } from '../lib/services.js';

describe('azure-mysql-flexible-server-public-network-access-disabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.mysql.flexible-server', [mysql('s-private', {}), mysql('s-public', { publicNetworkAccess: 'Enabled' }), mysql('s-unset', { publicNetworkAccess: null })])]);
    expect(statuses(results)).toEqual([['s-private', 'PASS'], ['s-public', 'FAIL'], ['s-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforMySQL/flexibleServers/read');
  });
});
