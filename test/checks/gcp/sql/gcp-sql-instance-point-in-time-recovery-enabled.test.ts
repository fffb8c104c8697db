import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-point-in-time-recovery-enabled.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-point-in-time-recovery-enabled', () => {
  test('PASS with PITR, FAIL without, NOT_APPLICABLE for a replica', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'pitr'), gcp(T, 'nopitr', { pointInTimeRecovery: false }), gcp(T, 'replica', { instanceType: 'READ_REPLICA_INSTANCE', pointInTimeRecovery: false })])]);
    expect(statuses(r)).toEqual([['pitr', 'PASS'], ['nopitr', 'FAIL'], ['replica', 'NOT_APPLICABLE']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
