import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/storage/gcp-storage-bucket-uniform-access-enabled.js';

const T = 'gcp.storage.bucket';

describe('gcp-storage-bucket-uniform-access-enabled', () => {
  test('PASS with uniform access, FAIL with ACLs', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'u'), gcp(T, 'acl', { uniformBucketLevelAccess: false })])]);
    expect(statuses(r)).toEqual([['u', 'PASS'], ['acl', 'FAIL']]);
    expect(r[1]?.evidence).toEqual({ uniformBucketLevelAccess: false });
  });
  test('NOT_APPLICABLE without buckets; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'storage.buckets.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
