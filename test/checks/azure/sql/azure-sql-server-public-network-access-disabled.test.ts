import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/sql/azure-sql-server-public-network-access-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, sqlServer } from '../fixtures.js';

describe('azure-sql-server-public-network-access-disabled', () => {
  it('passes Disabled and fails Enabled or unset', () => {
    const results = runCheck(check, [list('azure.sql.server', [sqlServer('private'), sqlServer('public', { publicNetworkAccess: 'Enabled' }), sqlServer('old', { publicNetworkAccess: null })])]);
    expect(statuses(results)).toEqual([['private', 'PASS'], ['public', 'FAIL'], ['old', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ publicNetworkAccess: 'Enabled' });
  });
  it('is ERROR for a failed listing and NOT_APPLICABLE without servers', () => {
    expect(runCheck(check, [failed('azure.sql.server', 'Microsoft.Sql/servers/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.sql.server', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
