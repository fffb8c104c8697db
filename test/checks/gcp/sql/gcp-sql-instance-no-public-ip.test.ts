import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-no-public-ip.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-no-public-ip', () => {
  test('PASS without a public IP, FAIL with one, whatever the authorised networks', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'private'), gcp(T, 'public', { publicIp: true, authorizedNetworks: [{ name: 'office', value: '203.0.113.0/24' }] })])]);
    expect(statuses(r)).toEqual([['private', 'PASS'], ['public', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
