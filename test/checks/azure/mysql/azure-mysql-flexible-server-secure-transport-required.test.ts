import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/mysql/azure-mysql-flexible-server-secure-transport-required.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list } from '../fixtures.js';
import { expectErrorAndNotApplicable, mysql } from '../lib/services.js';

describe('azure-mysql-flexible-server-secure-transport-required', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.mysql.flexible-server', [mysql('s-on', {}), mysql('s-default', { requireSecureTransport: seen(null) }), mysql('s-off', { requireSecureTransport: seen('OFF') })])]);
    expect(statuses(results)).toEqual([['s-on', 'PASS'], ['s-default', 'PASS'], ['s-off', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforMySQL/flexibleServers/read');
  });
  it('is ERROR when the server parameter could not be read', () => {
    expect(statuses(runCheck(check, [list('azure.mysql.flexible-server', [mysql('s-denied', { requireSecureTransport: deniedFact('Microsoft.DBforMySQL/flexibleServers/configurations/read') })])]))).toEqual([['s-denied', 'ERROR']]);
  });
});
