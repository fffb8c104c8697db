import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/postgresql/azure-postgresql-flexible-server-secure-transport-required.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list } from '../fixtures.js';
import { expectErrorAndNotApplicable, postgres } from '../lib/services.js';

describe('azure-postgresql-flexible-server-secure-transport-required', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.postgresql.flexible-server', [postgres('s-on', {}), postgres('s-default', { requireSecureTransport: seen(null) }), postgres('s-off', { requireSecureTransport: seen('OFF') })])]);
    expect(statuses(results)).toEqual([['s-on', 'PASS'], ['s-default', 'PASS'], ['s-off', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforPostgreSQL/flexibleServers/read');
  });
  it('is ERROR when the server parameter could not be read', () => {
    expect(statuses(runCheck(check, [list('azure.postgresql.flexible-server', [postgres('s-denied', { requireSecureTransport: deniedFact('Microsoft.DBforPostgreSQL/flexibleServers/configurations/read') })])]))).toEqual([['s-denied', 'ERROR']]);
  });
});
