import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-critical-cmek-encrypted.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-critical-cmek-encrypted', () => {
  test('PASS for a critical instance with a KMS key, FAIL without, NOT_APPLICABLE when not critical', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'records-db', { kmsKeyName: 'projects/k/locations/l/keyRings/r/cryptoKeys/sql' }), gcp(T, 'records-legacy'), gcp(T, 'scratch')])], { policy: { criticalResources: ['records-*'] } });
    expect(statuses(r)).toEqual([['records-db', 'PASS'], ['records-legacy', 'FAIL'], ['scratch', 'NOT_APPLICABLE']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])], { policy: { criticalResources: ['records-*'] } }).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')], { policy: { criticalResources: ['records-*'] } }).map((r) => r.status)).toEqual(['ERROR']);
  });
  test('NOT_ASSESSED without policy.criticalResources', () => {
    expect(runCheck(check, [list(T, [gcp(T, 'db')])]).map((r) => r.status)).toEqual(['NOT_ASSESSED']);
  });
});
