import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-disk-snapshot-schedule-attached.js';

const T = 'gcp.compute.disk';

describe('gcp-compute-disk-snapshot-schedule-attached', () => {
  test('PASS with a schedule, FAIL without', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'scheduled'), gcp(T, 'bare', { snapshotSchedules: [], latestSnapshot: '2026-01-01T00:00:00Z' })])]);
    expect(statuses(r)).toEqual([['scheduled', 'PASS'], ['bare', 'FAIL']]);
    expect(r[1]?.evidence).toMatchObject({ snapshotSchedules: [], latestSnapshot: '2026-01-01T00:00:00Z' });
  });
  test('NOT_APPLICABLE for detached disks when only in-use disks are required', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'spare', { users: [], snapshotSchedules: [] })])], { params: { requireInUse: true } });
    expect(statuses(r)).toEqual([['spare', 'NOT_APPLICABLE']]);
  });
  test('ERROR for a failed listing', () => {
    expect(runCheck(check, [failed(T, 'compute.disks.aggregatedList')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
