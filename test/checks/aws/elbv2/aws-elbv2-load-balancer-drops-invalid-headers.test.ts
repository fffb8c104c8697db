import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/elbv2/aws-elbv2-load-balancer-drops-invalid-headers.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { loadBalancer } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('ALBs: PASS dropping, FAIL forwarding; network LBs NOT_APPLICABLE; ERROR when unread', () => {
    expect(statuses(runCheck(check, [listingOf('aws.elbv2.load-balancer', [
      loadBalancer('drops'),
      loadBalancer('forwards', { attributes: seen({}) }),
      loadBalancer('nlb', { type: 'network' }),
      loadBalancer('unread', { attributes: deniedFact('elasticloadbalancing:DescribeLoadBalancerAttributes') }),
    ])]))).toEqual([['drops', 'PASS'], ['forwards', 'FAIL'], ['nlb', 'NOT_APPLICABLE'], ['unread', 'ERROR']]);
    expect(runCheck(check, [failedListingOf('aws.elbv2.load-balancer', 'elasticloadbalancing:DescribeLoadBalancers')])[0]?.status).toBe('ERROR');
  });
});
