import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/postgresql/azure-postgresql-flexible-server-public-network-access-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, postgres } from '../lib/services.js';

describe('azure-postgresql-flexible-server-public-network-access-disabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.postgresql.flexible-server', [postgres('s-private', {}), postgres('s-public', { publicNetworkAccess: 'Enabled' }), postgres('s-unset', { publicNetworkAccess: null })])]);
    expect(statuses(results)).toEqual([['s-private', 'PASS'], ['s-public', 'FAIL'], ['s-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforPostgreSQL/flexibleServers/read');
  });
});
