import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/sql/gcp-sql-instance-ssl-required.js';

const T = 'gcp.sql.instance';

describe('gcp-sql-instance-ssl-required', () => {
  test('PASS for ENCRYPTED_ONLY and for the legacy requireSsl flag', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'mode'), gcp(T, 'legacy', { sslMode: null, requireSsl: true })])]);
    expect(statuses(r)).toEqual([['mode', 'PASS'], ['legacy', 'PASS']]);
  });
  test('FAIL when unencrypted connections are allowed, whatever the legacy flag says', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'both', { sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED', requireSsl: true }), gcp(T, 'off', { sslMode: null, requireSsl: false })])]);
    expect(statuses(r)).toEqual([['both', 'FAIL'], ['off', 'FAIL']]);
    expect(r[0]?.evidence).toEqual({ sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED', requireSsl: true });
  });
  test('NOT_APPLICABLE without instances; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudsql.instances.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
