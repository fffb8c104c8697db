import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-sqlserver-cross-db-ownership-chaining-disabled.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-sqlserver-cross-db-ownership-chaining-disabled', () => {
  test('PASS when set as asked, FAIL otherwise, NOT_APPLICABLE on another engine', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'good', { databaseVersion: 'SQLSERVER_2019_STANDARD', databaseFlags: {} }), gcp(T, 'bad', { databaseVersion: 'SQLSERVER_2019_STANDARD', databaseFlags: { 'cross db ownership chaining': 'on' } }), gcp(T, 'other', { databaseVersion: 'MYSQL_8_0' })])]);
    expect(statuses(r)).toEqual([['good', 'PASS'], ['bad', 'FAIL'], ['other', 'NOT_APPLICABLE']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
