import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/postgresql/azure-postgresql-flexible-server-backup-retention.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, postgres } from '../lib/services.js';

describe('azure-postgresql-flexible-server-backup-retention', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.postgresql.flexible-server', [postgres('s-14', {}), postgres('s-3', { backupRetentionDays: 3 }), postgres('s-unset', { backupRetentionDays: null })])]);
    expect(statuses(results)).toEqual([['s-14', 'PASS'], ['s-3', 'FAIL'], ['s-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforPostgreSQL/flexibleServers/read');
  });
  it('takes the required days from its params', () => {
    expect(runCheck(check, [list('azure.postgresql.flexible-server', [postgres('s-14')])], { params: { minRetentionDays: 30 } })[0]?.status).toBe('FAIL');
  });
});
