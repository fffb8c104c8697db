import { describe, expect, test } from 'vitest';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/storage/gcp-storage-bucket-critical-data-recoverable.js';

const T = 'gcp.storage.bucket';
const policy = { criticalResources: ['*-records', 'finance-*'] };

describe('gcp-storage-bucket-critical-data-recoverable', () => {
  test('PASS for a versioned or retained critical bucket', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'hr-records'), gcp(T, 'finance-ledger', { versioning: false, retentionPolicy: { retentionPeriodSeconds: 30 * 86400, isLocked: true } })])], { policy });
    expect(statuses(r)).toEqual([['hr-records', 'PASS'], ['finance-ledger', 'PASS']]);
  });
  test('FAIL for an unprotected critical bucket, or one whose retention is too short', () => {
    const r = runCheck(
      check,
      [list(T, [gcp(T, 'hr-records', { versioning: false }), gcp(T, 'finance-ledger', { versioning: false, retentionPolicy: { retentionPeriodSeconds: 86400, isLocked: false } })])],
      { policy, params: { minRetentionDays: 7 } },
    );
    expect(statuses(r)).toEqual([['hr-records', 'FAIL'], ['finance-ledger', 'FAIL']]);
    expect(r[0]?.evidence).toMatchObject({ criticalMatch: '*-records', versioning: false, retentionPolicy: null });
  });
  test('NOT_APPLICABLE for buckets not named critical; ERROR for a failed listing', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'scratch', { versioning: false })])], { policy }))).toEqual([['scratch', 'NOT_APPLICABLE']]);
    expect(runCheck(check, [failed(T, 'storage.buckets.list')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
  test('NOT_ASSESSED while policy.criticalResources is empty', () => {
    expectNotAssessed(runCheck(check, [list(T, [gcp(T, 'hr-records', { versioning: false })])]), 'policy.criticalResources');
  });
});
