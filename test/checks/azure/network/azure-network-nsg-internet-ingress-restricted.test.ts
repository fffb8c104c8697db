import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/network/azure-network-nsg-internet-ingress-restricted.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, nsg, rule } from '../fixtures.js';

describe('azure-network-nsg-internet-ingress-restricted', () => {
  it.each([
    ['RDP from Internet', rule('rdp', { sourcePrefixes: ['Internet'], destinationPorts: ['3389'] }), 'FAIL', 'RDP'],
    ['SSH inside a range from *', rule('ssh', { sourcePrefixes: ['*'], destinationPorts: ['20-25'] }), 'FAIL', 'SSH'],
    ['every port from 0.0.0.0/0', rule('any', { protocol: '*', sourcePrefixes: ['0.0.0.0/0'], destinationPorts: ['*'] }), 'FAIL', 'all ports'],
    ['SSH over UDP only', rule('udp22', { protocol: 'Udp', sourcePrefixes: ['*'], destinationPorts: ['22'] }), 'PASS', null],
    ['SSH from a corporate range', rule('corp', { sourcePrefixes: ['203.0.113.0/24'], destinationPorts: ['22'] }), 'PASS', null],
    ['a Deny rule', rule('deny', { access: 'Deny', sourcePrefixes: ['*'], destinationPorts: ['*'] }), 'PASS', null],
    ['an outbound rule', rule('out', { direction: 'Outbound', sourcePrefixes: ['*'], destinationPorts: ['22'] }), 'PASS', null],
    ['HTTPS from the Internet', rule('web', { sourcePrefixes: ['Internet'], destinationPorts: ['443'] }), 'PASS', null],
  ] as const)('%s', (_label, r, status, exposes) => {
    const [result] = runCheck(check, [list('azure.network.nsg', [nsg('nsg1', [r])])]);
    expect(result?.status).toBe(status);
    if (exposes) expect(result?.evidence.openRules).toEqual(expect.arrayContaining([expect.objectContaining({ rule: r.name, exposes })]));
  });
  it('follows priority: a higher-priority Deny from the Internet wins over a later Allow, a lower-priority one does not', () => {
    const allowAll = rule('allow-any', { priority: 200, protocol: '*', sourcePrefixes: ['*'], destinationPorts: ['*'] });
    const denySsh = (priority: number) => rule('deny-ssh', { priority, access: 'Deny', sourcePrefixes: ['Internet'], destinationPorts: ['22'] });
    const [before, after] = runCheck(check, [list('azure.network.nsg', [nsg('deny-first', [allowAll, denySsh(100)]), nsg('deny-last', [allowAll, denySsh(300)])])]);
    expect(before?.message).toBe('Open from the Internet: RDP (allow-any), all ports (allow-any)');
    expect(after?.message).toBe('Open from the Internet: SSH (allow-any), RDP (allow-any), all ports (allow-any)');
    const [denied] = runCheck(check, [list('azure.network.nsg', [nsg('nsg1', [rule('deny-all', { priority: 100, access: 'Deny', protocol: '*', sourcePrefixes: ['*'], destinationPorts: ['*'] }), allowAll])])]);
    expect(denied?.status).toBe('PASS');
  });
  it('additionalPorts extends the table, in the rows every provider takes', () => {
    const https = runCheck(check, [list('azure.network.nsg', [nsg('nsg1', [rule('web', { sourcePrefixes: ['*'] })])])], { params: { additionalPorts: [{ label: 'HTTPS', port: 443 }] } });
    expect(https[0]?.message).toBe('Open from the Internet: HTTPS (web)');
  });
  it('takes the watched ports from parameters', () => {
    const results = runCheck(check, [list('azure.network.nsg', [nsg('nsg1', [rule('web', { sourcePrefixes: ['*'] })])])], {
      params: { ports: [{ name: 'HTTPS', port: 443, protocol: 'Tcp' }] },
    });
    expect(statuses(results)).toEqual([['nsg1', 'FAIL']]);
  });
  it('is ERROR for a failed listing and NOT_APPLICABLE without NSGs', () => {
    expect(runCheck(check, [failed('azure.network.nsg', 'Microsoft.Network/networkSecurityGroups/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.network.nsg', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
