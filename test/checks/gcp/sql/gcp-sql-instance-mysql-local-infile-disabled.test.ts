import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-mysql-local-infile-disabled.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-mysql-local-infile-disabled', () => {
  test('PASS when set as asked, FAIL otherwise, NOT_APPLICABLE on another engine', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'good', { databaseVersion: 'MYSQL_8_0', databaseFlags: { local_infile: 'off' } }), gcp(T, 'bad', { databaseVersion: 'MYSQL_8_0', databaseFlags: {} }), gcp(T, 'other', { databaseVersion: 'POSTGRES_16' }), gcp(T, 'on', { databaseVersion: 'MYSQL_8_0', databaseFlags: { local_infile: 'on' } })])]);
    expect(statuses(r)).toEqual([['good', 'PASS'], ['bad', 'FAIL'], ['other', 'NOT_APPLICABLE'], ['on', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
