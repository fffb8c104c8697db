import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-firewall-logging-enabled.js';

const T = 'gcp.compute.firewall';

describe('gcp-compute-firewall-logging-enabled', () => {
  test('PASS logged, FAIL silent, NOT_APPLICABLE for egress and disabled rules', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'logged'), gcp(T, 'silent', { logging: false }), gcp(T, 'egress', { direction: 'EGRESS', logging: false }), gcp(T, 'off', { disabled: true, logging: false })])]);
    expect(statuses(r)).toEqual([['logged', 'PASS'], ['silent', 'FAIL'], ['egress', 'NOT_APPLICABLE'], ['off', 'NOT_APPLICABLE']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'compute.firewalls.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
