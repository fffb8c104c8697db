import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/cosmosdb/azure-cosmosdb-account-backup-retention.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, cosmos } from '../lib/services.js';

describe('azure-cosmosdb-account-backup-retention', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.cosmosdb.account', [cosmos('c-30', {}), cosmos('c-periodic-30d', { backupType: 'Periodic', continuousTier: null, periodicRetentionHours: 720 }), cosmos('c-periodic-8h', { backupType: 'Periodic', continuousTier: null, periodicRetentionHours: 8 }), cosmos('c-unknown', { backupType: null, continuousTier: null, periodicRetentionHours: null })])]);
    expect(statuses(results)).toEqual([['c-30', 'PASS'], ['c-periodic-30d', 'PASS'], ['c-periodic-8h', 'FAIL'], ['c-unknown', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DocumentDB/databaseAccounts/read');
  });
  it('reads the continuous tier as its days, against the params', () => {
    expect(runCheck(check, [list('azure.cosmosdb.account', [cosmos('c-7', { continuousTier: 'Continuous7Days' })])], { params: { minRetentionDays: 14 } })[0]?.status).toBe('FAIL');
  });
});
