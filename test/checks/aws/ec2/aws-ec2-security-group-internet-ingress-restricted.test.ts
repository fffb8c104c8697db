import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-security-group-internet-ingress-restricted.js';
import { deniedFact, failedListingOf, ingress, listingOf, securityGroup } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const groups = [
    securityGroup('web', { ipPermissions: [ingress('tcp', 443, 443, ['0.0.0.0/0', '::/0'])] }),
    securityGroup('ssh-world', { ipPermissions: [ingress('tcp', 22, 22, ['0.0.0.0/0'])] }),
    securityGroup('rdp-v6', { ipPermissions: [ingress('tcp', 3380, 3390, ['::/0'])] }),
    securityGroup('wide-open', { ipPermissions: [ingress('-1', null, null, ['0.0.0.0/0'])] }),
    securityGroup('ssh-office', { ipPermissions: [ingress('tcp', 22, 22, ['203.0.113.0/24'])] }),
    securityGroup('postgres-world', { ipPermissions: [ingress('tcp', 5432, 5432, ['0.0.0.0/0'])] }),
  ];

  test('SSH, RDP (IPv4 or IPv6, inside a range) and all-ports rules from the internet FAIL', () => {
    const results = runCheck(check, [listingOf('aws.ec2.security-group', groups)]);
    expect(statuses(results)).toEqual([
      ['web', 'PASS'], ['ssh-world', 'FAIL'], ['rdp-v6', 'FAIL'], ['wide-open', 'FAIL'], ['ssh-office', 'PASS'], ['postgres-world', 'PASS'],
    ]);
    expect(results[2]?.evidence).toMatchObject({ exposures: [{ label: 'RDP', port: 3389, source: '::/0' }] });
    // Every watched row the rule opens is named, as on every provider: SSH, RDP and all ports.
    expect(results[3]?.evidence).toMatchObject({ exposures: [{ label: 'SSH' }, { label: 'RDP' }, { label: 'all ports', port: 'all', protocol: 'all', rule: 'all traffic' }] });
    expect(results[3]?.message).toBe('Open to the internet: SSH, RDP, all ports (used by 1 network interface)');
  });

  test('a FAIL says how many network interfaces use the group (inUse), and an unknown count does not hide it', () => {
    const open = [ingress('tcp', 22, 22, ['0.0.0.0/0'])];
    const results = runCheck(check, [listingOf('aws.ec2.security-group', [
      securityGroup('used', { ipPermissions: open, networkInterfaceCount: seen(3) }),
      securityGroup('unused', { ipPermissions: open, networkInterfaceCount: seen(0) }),
      securityGroup('unknown', { ipPermissions: open, networkInterfaceCount: deniedFact('ec2:DescribeNetworkInterfaces') }),
    ])]);
    expect(results.map((r) => [r.status, (r.evidence as { inUse: unknown }).inUse])).toEqual([['FAIL', 3], ['FAIL', 0], ['FAIL', null]]);
  });

  test('additionalPorts extends the table', () => {
    const results = runCheck(check, [listingOf('aws.ec2.security-group', groups)], {
      params: { additionalPorts: [{ port: 5432, protocol: 'tcp', label: 'PostgreSQL' }] },
    });
    expect(results[5]).toMatchObject({ status: 'FAIL', evidence: { exposures: [{ label: 'PostgreSQL' }] } });
  });

  test('ERROR when the groups could not be listed, NOT_APPLICABLE when there are none', () => {
    expect(runCheck(check, [failedListingOf('aws.ec2.security-group', 'ec2:DescribeSecurityGroups')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.ec2.security-group', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
