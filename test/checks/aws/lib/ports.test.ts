import { describe, expect, test } from 'vitest';
import { internetExposures, permissionCovers, permissionIsAllPorts } from '../../../../checks/aws/lib/ports.js';
import { ingress, securityGroup } from '../../../fixtures/aws.js';

const SSH = { port: 22, protocol: 'tcp', label: 'SSH' } as const;
const RDP = { port: 3389, protocol: 'tcp', label: 'RDP' } as const;

describe('port ranges', () => {
  test('a range covers the ports inside it, for its protocol; -1 covers all', () => {
    expect(permissionCovers(ingress('tcp', 20, 25, []), 'tcp', 22)).toBe(true);
    expect(permissionCovers(ingress('tcp', 23, 25, []), 'tcp', 22)).toBe(false);
    expect(permissionCovers(ingress('udp', 22, 22, []), 'tcp', 22)).toBe(false);
    expect(permissionCovers(ingress('6', 22, 22, []), 'tcp', 22)).toBe(true);
    expect(permissionCovers(ingress('-1', null, null, []), 'udp', 500)).toBe(true);
  });

  test('all-ports rules', () => {
    expect(permissionIsAllPorts(ingress('-1', null, null, []))).toBe(true);
    expect(permissionIsAllPorts(ingress('tcp', 0, 65535, []))).toBe(true);
    expect(permissionIsAllPorts(ingress('tcp', 1, 65535, []))).toBe(false);
    expect(permissionIsAllPorts(ingress('icmp', -1, -1, []))).toBe(false);
  });
});

describe('internetExposures', () => {
  test('reports each listed port and all-ports rule open to 0.0.0.0/0 or ::/0, and nothing else', () => {
    const sg = securityGroup('sg-1', {
      ipPermissions: [
        ingress('tcp', 22, 22, ['0.0.0.0/0', '10.0.0.0/8']),
        ingress('tcp', 3389, 3389, ['10.0.0.0/8']),
        ingress('tcp', 3000, 4000, ['::/0']),
        ingress('-1', null, null, ['::/0']),
        ingress('tcp', 443, 443, ['0.0.0.0/0']),
      ],
    });
    expect(internetExposures(sg.data, [SSH, RDP])).toEqual([
      { label: 'SSH', protocol: 'tcp', port: 22, source: '0.0.0.0/0' },
      { label: 'RDP', protocol: 'tcp', port: 3389, source: '::/0' },
      { label: 'all ports', protocol: 'all', port: 'all', source: '::/0' },
    ]);
  });
});
