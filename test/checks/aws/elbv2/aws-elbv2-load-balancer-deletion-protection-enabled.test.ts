import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/elbv2/aws-elbv2-load-balancer-deletion-protection-enabled.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { loadBalancer } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS on, FAIL off, ERROR when unread, NOT_APPLICABLE without load balancers', () => {
    expect(statuses(runCheck(check, [listingOf('aws.elbv2.load-balancer', [
      loadBalancer('protected'),
      loadBalancer('unprotected', { attributes: seen({ 'deletion_protection.enabled': 'false' }) }),
      loadBalancer('unread', { attributes: deniedFact('elasticloadbalancing:DescribeLoadBalancerAttributes') }),
    ])]))).toEqual([['protected', 'PASS'], ['unprotected', 'FAIL'], ['unread', 'ERROR']]);
    expect(runCheck(check, [failedListingOf('aws.elbv2.load-balancer', 'elasticloadbalancing:DescribeLoadBalancers')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.elbv2.load-balancer', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
