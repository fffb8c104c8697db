import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-security-group-default-restricts-all.js';
import { failedListingOf, ingress, listingOf, securityGroup } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('one verdict per default group: PASS without rules, FAIL with any; other groups are not judged', () => {
    const results = runCheck(check, [
      listingOf('aws.ec2.security-group', [
        securityGroup('sg-d1', { groupName: 'default', vpcId: 'vpc-1', ipPermissions: [], ipPermissionsEgress: [] }),
        securityGroup('sg-d2', { groupName: 'default', vpcId: 'vpc-2', ipPermissions: [ingress('-1', null, null, [])] }),
        securityGroup('sg-app', { groupName: 'app' }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['default', 'PASS'], ['default', 'FAIL']]);
    expect(results.map((r) => r.resource.id)).toEqual([expect.stringContaining('sg-d1'), expect.stringContaining('sg-d2')]);
    expect(results[1]?.evidence).toEqual({ vpcId: 'vpc-2', ingress: 1, egress: 1 });
  });

  test('NOT_APPLICABLE without a default group, ERROR when groups could not be listed', () => {
    expect(runCheck(check, [listingOf('aws.ec2.security-group', [securityGroup('sg-app')])])[0]?.status).toBe('NOT_APPLICABLE');
    expect(runCheck(check, [failedListingOf('aws.ec2.security-group', 'ec2:DescribeSecurityGroups')])[0]?.status).toBe('ERROR');
  });
});
