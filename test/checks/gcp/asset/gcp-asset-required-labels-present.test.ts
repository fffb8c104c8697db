import { describe, expect, test } from 'vitest';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/asset/gcp-asset-required-labels-present.js';

const T = 'gcp.asset';
const policy = {
  requiredTags: [
    { key: 'owner' },
    { key: 'data-classification', pattern: 'public|internal|confidential', resourceTypes: ['gcp.storage.*', 'gcp.sql.*'] },
  ],
};
const bucket = (labels: Record<string, string>) => ({ assetType: 'storage.googleapis.com/Bucket', resourceType: 'gcp.storage.bucket', location: 'EU', labels });

describe('gcp-asset-required-labels-present', () => {
  test('PASS when every applicable rule is met', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'vm', { labels: { owner: 'data' } }), gcp(T, 'b', bucket({ owner: 'x', 'data-classification': 'internal' }))])], { policy });
    expect(statuses(r)).toEqual([['vm', 'PASS'], ['b', 'PASS']]);
  });
  test('FAIL for a missing label and for a value outside the pattern', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'vm'), gcp(T, 'b', bucket({ owner: 'x', 'data-classification': 'secret' }))])], { policy });
    expect(statuses(r)).toEqual([['vm', 'FAIL'], ['b', 'FAIL']]);
    expect(r[0]?.evidence['missing']).toEqual(['owner']);
    expect(r[1]?.evidence['invalid']).toEqual([{ key: 'data-classification', value: 'secret', pattern: 'public|internal|confidential' }]);
  });
  test('a rule key in capitals matches the lower-case label GCP stores', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'vm', { labels: { owner: 'data' } })])], { policy: { requiredTags: [{ key: 'Owner' }] } });
    expect(statuses(r)).toEqual([['vm', 'PASS']]);
  });
  test('NOT_ASSESSED without rules; NOT_APPLICABLE for unlabelable asset types, with rules or without', () => {
    expectNotAssessed(runCheck(check, [list(T, [gcp(T, 'vm')])]), 'policy.requiredTags');
    const fw = gcp(T, 'fw', { assetType: 'compute.googleapis.com/Firewall', resourceType: 'gcp.compute.firewall', labelable: false });
    expect(statuses(runCheck(check, [list(T, [fw])], { policy }))).toEqual([['fw', 'NOT_APPLICABLE']]);
    expect(statuses(runCheck(check, [list(T, [fw])]))).toEqual([['fw', 'NOT_APPLICABLE']]);
  });
  test('ERROR for a failed listing', () => {
    expect(runCheck(check, [failed(T, 'cloudasset.assets.searchAllResources')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
});
