import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/mysql/azure-mysql-flexible-server-geo-redundant-backup-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, mysql } from '../lib/services.js';

describe('azure-mysql-flexible-server-geo-redundant-backup-enabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.mysql.flexible-server', [mysql('s-geo', {}), mysql('s-local', { geoRedundantBackup: 'Disabled' })])]);
    expect(statuses(results)).toEqual([['s-geo', 'PASS'], ['s-local', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforMySQL/flexibleServers/read');
  });
});
