import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list, unknown } from '../fixtures.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/gcp/storage/gcp-storage-bucket-not-public.js';

const T = 'gcp.storage.bucket';
const publicRead = seen([{ role: 'roles/storage.objectViewer', members: ['allUsers'], condition: null, source: 'b' }]);

describe('gcp-storage-bucket-not-public', () => {
  test('PASS when prevention is enforced even with a public grant, and for a private policy', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'enforced', { iamBindings: publicRead }), gcp(T, 'private', { publicAccessPrevention: 'inherited' })])]);
    expect(statuses(r)).toEqual([['enforced', 'PASS'], ['private', 'PASS']]);
  });
  test('FAIL for a public grant without prevention', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'leaky', { publicAccessPrevention: 'inherited', iamBindings: publicRead })])]);
    expect(statuses(r)).toEqual([['leaky', 'FAIL']]);
    expect(r[0]?.evidence['grants']).toEqual([{ role: 'roles/storage.objectViewer', member: 'allUsers' }]);
  });
  test('ERROR when the policy is unknown and prevention is not enforced', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'b', { publicAccessPrevention: 'inherited', iamBindings: unknown('storage.buckets.getIamPolicy') })])]);
    expect(statuses(r)).toEqual([['b', 'ERROR']]);
  });
  test('NOT_APPLICABLE without buckets; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'storage.buckets.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
