import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-automated-backups-enabled.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-automated-backups-enabled', () => {
  test('PASS with backups, FAIL without, NOT_APPLICABLE for a replica', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'db'), gcp(T, 'nobak', { backupEnabled: false, pointInTimeRecovery: false }), gcp(T, 'replica', { instanceType: 'READ_REPLICA_INSTANCE', backupEnabled: false })])]);
    expect(statuses(r)).toEqual([['db', 'PASS'], ['nobak', 'FAIL'], ['replica', 'NOT_APPLICABLE']]);
    expect(r[1]?.evidence).toEqual({ backupEnabled: false, pointInTimeRecovery: false });
  });
  test('ERROR for a failed listing', () => {
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
