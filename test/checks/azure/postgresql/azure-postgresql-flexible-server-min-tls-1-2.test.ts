import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/postgresql/azure-postgresql-flexible-server-min-tls-1-2.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list } from '../fixtures.js';
import { expectErrorAndNotApplicable, postgres } from '../lib/services.js';

describe('azure-postgresql-flexible-server-min-tls-1-2', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.postgresql.flexible-server', [postgres('s-12', {}), postgres('s-13', { tlsVersion: seen('TLSv1.3') }), postgres('s-default', { tlsVersion: seen(null) }), postgres('s-10', { tlsVersion: seen('TLSv1') }), postgres('s-11', { tlsVersion: seen('TLSv1.1') })])]);
    expect(statuses(results)).toEqual([['s-12', 'PASS'], ['s-13', 'PASS'], ['s-default', 'PASS'], ['s-10', 'FAIL'], ['s-11', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforPostgreSQL/flexibleServers/read');
  });
  it('is ERROR when the server parameter could not be read', () => {
    expect(statuses(runCheck(check, [list('azure.postgresql.flexible-server', [postgres('s-denied', { tlsVersion: deniedFact('Microsoft.DBforPostgreSQL/flexibleServers/configurations/read') })])]))).toEqual([['s-denied', 'ERROR']]);
  });
});
