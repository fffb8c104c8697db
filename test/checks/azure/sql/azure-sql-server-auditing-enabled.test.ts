import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/sql/azure-sql-server-auditing-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list, sqlServer } from '../fixtures.js';

describe('azure-sql-server-auditing-enabled', () => {
  it('needs auditing on and long enough retention for storage destinations', () => {
    const results = runCheck(check, [list('azure.sql.server', [
      sqlServer('law'),
      sqlServer('off', { auditing: seen({ state: 'Disabled', retentionDays: 0, storageEndpoint: null, logAnalytics: false }) }),
      sqlServer('short', { auditing: seen({ state: 'Enabled', retentionDays: 30, storageEndpoint: 'https://audit.blob.core.windows.net', logAnalytics: false }) }),
      sqlServer('denied', { auditing: deniedFact('Microsoft.Sql/servers/auditingSettings/read') }),
    ])]);
    expect(statuses(results)).toEqual([['law', 'PASS'], ['off', 'FAIL'], ['short', 'FAIL'], ['denied', 'ERROR']]);
    expect(results[2]?.evidence).toMatchObject({ retentionDays: 30, minRetentionDays: 90 });
  });
  it('is NOT_APPLICABLE without servers', () => {
    expect(runCheck(check, [list('azure.sql.server', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
