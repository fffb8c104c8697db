import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-firewall-no-internet-admin-access.js';

const T = 'gcp.compute.firewall';
const open = (allowed: { protocol: string; ports: string[] }[], sourceRanges = ['0.0.0.0/0']) => ({ sourceRanges, allowed });

describe('gcp-compute-firewall-no-internet-admin-access', () => {
  test.each([
    ['ssh', open([{ protocol: 'tcp', ports: ['22'] }]), ['SSH']],
    ['rdp-range', open([{ protocol: 'tcp', ports: ['3000-4000'] }], ['::/0']), ['RDP']],
    ['all-tcp', open([{ protocol: 'tcp', ports: [] }]), ['SSH', 'RDP', 'all ports']],
    ['all', open([{ protocol: 'all', ports: [] }]), ['SSH', 'RDP', 'all ports']],
    ['all-udp', open([{ protocol: 'udp', ports: [] }]), ['all ports']],
  ])('FAIL for %s', (name, data, exposures) => {
    const r = runCheck(check, [list(T, [gcp(T, name, data)])]);
    expect(statuses(r)).toEqual([[name, 'FAIL']]);
    expect(r[0]?.evidence['exposures']).toEqual(exposures);
  });
  test.each([
    ['internal-ssh', open([{ protocol: 'tcp', ports: ['22'] }], ['10.0.0.0/8'])],
    ['https', open([{ protocol: 'tcp', ports: ['443'] }])],
    ['udp-dns', open([{ protocol: 'udp', ports: ['53'] }])],
    ['icmp', open([{ protocol: 'icmp', ports: [] }])],
  ])('PASS for %s', (name, data) => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, name, data)])]))).toEqual([[name, 'PASS']]);
  });
  test('the exposure table is a parameter', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'https', open([{ protocol: 'tcp', ports: ['443'] }]))])], { params: { exposures: [{ name: 'HTTPS', port: 443 }] } });
    expect(statuses(r)).toEqual([['https', 'FAIL']]);
  });
  test('NOT_APPLICABLE for egress and disabled rules; ERROR for a failed listing', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'egress', { ...open([{ protocol: 'all', ports: [] }]), direction: 'EGRESS' }), gcp(T, 'off', { ...open([{ protocol: 'all', ports: [] }]), disabled: true })])]);
    expect(statuses(r)).toEqual([['egress', 'NOT_APPLICABLE'], ['off', 'NOT_APPLICABLE']]);
    expect(runCheck(check, [failed(T, 'compute.firewalls.list')]).map((x) => x.status)).toEqual(['ERROR']);
  });
});
