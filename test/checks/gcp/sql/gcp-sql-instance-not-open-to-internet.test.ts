import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-not-open-to-internet.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-not-open-to-internet', () => {
  test('PASS for private IP and for a public IP with office networks only', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'private'), gcp(T, 'office', { publicIp: true, authorizedNetworks: [{ name: 'office', value: '203.0.113.0/24' }] })])]);
    expect(statuses(r)).toEqual([['private', 'PASS'], ['office', 'PASS']]);
  });
  test('FAIL for a public IP open to 0.0.0.0/0', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'open', { publicIp: true, authorizedNetworks: [{ name: 'any', value: '0.0.0.0/0' }] })])]);
    expect(statuses(r)).toEqual([['open', 'FAIL']]);
    expect(r[0]?.evidence).toMatchObject({ publicIp: true, authorizedNetworks: [{ name: 'any', value: '0.0.0.0/0' }] });
  });
  test('NOT_APPLICABLE without instances; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
