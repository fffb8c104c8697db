import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-instance-default-service-account-limited.js';

const T = 'gcp.compute.instance';
const DEFAULT_SA = '111-compute@developer.gserviceaccount.com';
const FULL = 'https://www.googleapis.com/auth/cloud-platform';

describe('gcp-compute-instance-default-service-account-limited', () => {
  test('PASS for a dedicated account with full scope and for the default account with narrow scopes', () => {
    const r = runCheck(check, [
      list(T, [gcp(T, 'dedicated'), gcp(T, 'narrow', { serviceAccounts: [{ email: DEFAULT_SA, scopes: ['https://www.googleapis.com/auth/devstorage.read_only'] }] })]),
    ]);
    expect(statuses(r)).toEqual([['dedicated', 'PASS'], ['narrow', 'PASS']]);
  });
  test('FAIL for the default account with cloud-platform scope', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'vm', { serviceAccounts: [{ email: DEFAULT_SA, scopes: [FULL] }] })])]);
    expect(statuses(r)).toEqual([['vm', 'FAIL']]);
    expect(r[0]?.evidence).toEqual({ serviceAccount: DEFAULT_SA, scopes: [FULL] });
  });
  test('NOT_APPLICABLE without a service account; ERROR for a failed listing', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'bare', { serviceAccounts: [] })])]))).toEqual([['bare', 'NOT_APPLICABLE']]);
    expect(runCheck(check, [failed(T, 'compute.instances.aggregatedList')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
