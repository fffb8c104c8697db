import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-network-acl-admin-ports-restricted.js';
import { aclEntry, failedListingOf, listingOf, networkAcl } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('the first matching internet rule decides; allows from narrower ranges and egress rules are left aside', () => {
    const results = runCheck(check, [
      listingOf('aws.ec2.network-acl', [
        networkAcl('acl-default', [aclEntry(100, 'allow', '0.0.0.0/0'), aclEntry(101, 'allow', '::/0')], { isDefault: true }),
        networkAcl('acl-web', [aclEntry(100, 'allow', '0.0.0.0/0', '6', [443, 443]), aclEntry(110, 'allow', '10.0.0.0/8', '6', [22, 22])]),
        networkAcl('acl-deny-first', [aclEntry(10, 'deny', '0.0.0.0/0', '6', [22, 22]), aclEntry(11, 'deny', '0.0.0.0/0', '6', [3389, 3389]), aclEntry(20, 'allow', '0.0.0.0/0', '6', [0, 65535])]),
        networkAcl('acl-rdp-v6', [aclEntry(50, 'allow', '::/0', '6', [3000, 4000]), aclEntry(60, 'allow', '0.0.0.0/0', '-1', undefined, true)]),
        networkAcl('acl-udp', [aclEntry(50, 'allow', '0.0.0.0/0', '17', [0, 65535])]),
        networkAcl('acl-allow-after-deny', [aclEntry(200, 'allow', '0.0.0.0/0', '6', [22, 22]), aclEntry(100, 'deny', '0.0.0.0/0', '-1')]),
      ]),
    ]);
    expect(statuses(results)).toEqual([
      ['acl-default', 'FAIL'], ['acl-web', 'PASS'], ['acl-deny-first', 'PASS'], ['acl-rdp-v6', 'FAIL'], ['acl-udp', 'PASS'], ['acl-allow-after-deny', 'PASS'],
    ]);
    expect(results[0]?.evidence).toEqual({
      exposures: [
        { label: 'SSH', protocol: 'all', port: 22, source: '0.0.0.0/0', rule: 100 }, { label: 'RDP', protocol: 'all', port: 3389, source: '0.0.0.0/0', rule: 100 },
        { label: 'SSH', protocol: 'all', port: 22, source: '::/0', rule: 101 }, { label: 'RDP', protocol: 'all', port: 3389, source: '::/0', rule: 101 },
      ],
      isDefault: true, subnetIds: ['subnet-1'],
    });
    expect(results[3]?.evidence).toMatchObject({ exposures: [{ label: 'RDP', port: 3389, source: '::/0', rule: 50 }] });
  });

  test('additional ports come from the parameters', () => {
    const acl = networkAcl('acl-db', [aclEntry(100, 'allow', '0.0.0.0/0', '6', [5432, 5432])]);
    expect(runCheck(check, [listingOf('aws.ec2.network-acl', [acl])])[0]?.status).toBe('PASS');
    const [result] = runCheck(check, [listingOf('aws.ec2.network-acl', [acl])], { params: { additionalPorts: [{ port: 5432, protocol: 'tcp', label: 'PostgreSQL' }] } });
    expect(result?.status).toBe('FAIL');
    expect(result?.evidence).toMatchObject({ exposures: [{ label: 'PostgreSQL', port: 5432 }] });
  });

  test('ERROR for a failed DescribeNetworkAcls, NOT_APPLICABLE for no ACLs', () => {
    const [failed] = runCheck(check, [failedListingOf('aws.ec2.network-acl', 'ec2:DescribeNetworkAcls')]);
    expect(failed?.status).toBe('ERROR');
    expect(failed?.error?.operation).toBe('ec2:DescribeNetworkAcls');
    expect(runCheck(check, [listingOf('aws.ec2.network-acl', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
