import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-postgres-log-connections-enabled.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-postgres-log-connections-enabled', () => {
  test('PASS when set as asked, FAIL otherwise, NOT_APPLICABLE on another engine', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'good', { databaseVersion: 'POSTGRES_16', databaseFlags: { log_connections: 'on' } }), gcp(T, 'bad', { databaseVersion: 'POSTGRES_16', databaseFlags: { log_connections: 'off' } }), gcp(T, 'other', { databaseVersion: 'MYSQL_8_0' })])]);
    expect(statuses(r)).toEqual([['good', 'PASS'], ['bad', 'FAIL'], ['other', 'NOT_APPLICABLE']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
