import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/mysql/azure-mysql-flexible-server-backup-retention.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, mysql } from '../lib/services.js';

describe('azure-mysql-flexible-server-backup-retention', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.mysql.flexible-server', [mysql('s-14', {}), mysql('s-3', { backupRetentionDays: 3 }), mysql('s-unset', { backupRetentionDays: null })])]);
    expect(statuses(results)).toEqual([['s-14', 'PASS'], ['s-3', 'FAIL'], ['s-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforMySQL/flexibleServers/read');
  });
  it('takes the required days from its params', () => {
    expect(runCheck(check, [list('azure.mysql.flexible-server', [mysql('s-14')])], { params: { minRetentionDays: 30 } })[0]?.status).toBe('FAIL');
  });
});
