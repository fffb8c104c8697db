import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/mysql/azure-mysql-flexible-server-min-tls-1-2.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list } from '../fixtures.js';
import { expectErrorAndNotApplicable, mysql } from '../lib/services.js';

describe('azure-mysql-flexible-server-min-tls-1-2', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.mysql.flexible-server', [mysql('s-12', {}), mysql('s-13', { tlsVersion: seen('TLSv1.3') }), mysql('s-default', { tlsVersion: seen(null) }), mysql('s-10', { tlsVersion: seen('TLSv1,TLSv1.1,TLSv1.2') }), mysql('s-11', { tlsVersion: seen('TLSv1.1,TLSv1.2') })])]);
    expect(statuses(results)).toEqual([['s-12', 'PASS'], ['s-13', 'PASS'], ['s-default', 'PASS'], ['s-10', 'FAIL'], ['s-11', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforMySQL/flexibleServers/read');
  });
  it('is ERROR when the server parameter could not be read', () => {
    expect(statuses(runCheck(check, [list('azure.mysql.flexible-server', [mysql('s-denied', { tlsVersion: deniedFact('Microsoft.DBforMySQL/flexibleServers/configurations/read') })])]))).toEqual([['s-denied', 'ERROR']]);
  });
});
