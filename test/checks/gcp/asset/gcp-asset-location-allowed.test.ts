import { describe, expect, test } from 'vitest';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/asset/gcp-asset-location-allowed.js';

const T = 'gcp.asset';
const policy = { allowedRegions: { gcp: ['europe-west1', 'europe-west4', 'EU'] } };

describe('gcp-asset-location-allowed', () => {
  test('PASS for an allowed zone, region or multi-region', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'vm'), gcp(T, 'b', { location: 'eu' }), gcp(T, 'db', { location: 'europe-west4' })])], { policy });
    expect(statuses(r)).toEqual([['vm', 'PASS'], ['b', 'PASS'], ['db', 'PASS']]);
    expect(r[0]?.evidence).toMatchObject({ location: 'europe-west1-b', region: 'europe-west1' });
  });
  test('FAIL outside the allowed list', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'vm', { location: 'us-central1-a' }), gcp(T, 'b', { location: 'US' })])], { policy });
    expect(statuses(r)).toEqual([['vm', 'FAIL'], ['b', 'FAIL']]);
    expect(r[0]?.evidence).toMatchObject({ region: 'us-central1' });
  });
  test('NOT_APPLICABLE for global resources; NOT_ASSESSED when residency is unconstrained', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'net', { location: 'global' })])], { policy }))).toEqual([['net', 'NOT_APPLICABLE']]);
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'net', { location: 'global' })])]))).toEqual([['net', 'NOT_APPLICABLE']]);
    expectNotAssessed(runCheck(check, [list(T, [gcp(T, 'vm', { location: 'us-east1' })])]), 'policy.allowedRegions.gcp');
  });
  test('ERROR for a failed listing', () => {
    expect(runCheck(check, [failed(T, 'cloudasset.assets.searchAllResources')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
});
