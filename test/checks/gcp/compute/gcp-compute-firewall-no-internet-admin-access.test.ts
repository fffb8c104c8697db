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
  test('a higher-priority deny rule of the same network that reaches every VM the rule does blocks it; a narrower or later one does not', () => {
    const allowSsh = gcp(T, 'allow-ssh', { ...open([{ protocol: 'tcp', ports: ['22'] }]), priority: 1000, targetTags: ['web'] });
    const deny = (name: string, over: object) => gcp(T, name, { ...open([]), denied: [{ protocol: 'all', ports: [] }], ...over });
    const run = (...denies: ReturnType<typeof deny>[]) => runCheck(check, [list(T, [allowSsh, ...denies])]).find((r) => r.resource.name === 'allow-ssh');
    const blocked = run(deny('deny-all', { priority: 900 }));
    expect(blocked?.status).toBe('PASS');
    expect(blocked?.message).toBe('The rule would open SSH, but higher-priority deny rules block it: deny-all');
    expect(run(deny('deny-web', { priority: 1000, targetTags: ['web', 'db'] }))?.status).toBe('PASS'); // a tie goes to the deny
    expect(run(deny('deny-later', { priority: 2000 }))?.status).toBe('FAIL');
    expect(run(deny('deny-db-only', { priority: 900, targetTags: ['db'] }))?.status).toBe('FAIL');
    expect(run(deny('deny-other-net', { priority: 900, network: 'other' }))?.status).toBe('FAIL');
    expect(run(deny('deny-v4', { priority: 900, sourceRanges: ['0.0.0.0/0'] }))?.status).toBe('PASS');
    const both = gcp(T, 'allow-ssh', { ...open([{ protocol: 'tcp', ports: ['22'] }], ['0.0.0.0/0', '::/0']), targetTags: ['web'] });
    const [v6] = runCheck(check, [list(T, [both, deny('deny-v4', { priority: 900, sourceRanges: ['0.0.0.0/0'] })])]);
    expect(v6?.message).toBe('The rule opens SSH to ::/0');
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
