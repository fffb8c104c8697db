import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/elbv2/aws-elbv2-load-balancer-access-logs-enabled.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { loadBalancer } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS with access logs on, FAIL off, NOT_APPLICABLE for gateway LBs, ERROR when the attributes are unread', () => {
    const results = runCheck(check, [listingOf('aws.elbv2.load-balancer', [
      loadBalancer('logged'),
      loadBalancer('silent', { attributes: seen({ 'access_logs.s3.enabled': 'false' }) }),
      loadBalancer('gwlb', { type: 'gateway' }),
      loadBalancer('unread', { attributes: deniedFact('elasticloadbalancing:DescribeLoadBalancerAttributes') }),
    ])]);
    expect(statuses(results)).toEqual([['logged', 'PASS'], ['silent', 'FAIL'], ['gwlb', 'NOT_APPLICABLE'], ['unread', 'ERROR']]);
    expect(results[0]?.message).toBe('Access logs go to lb-logs');
    expect(runCheck(check, [failedListingOf('aws.elbv2.load-balancer', 'elasticloadbalancing:DescribeLoadBalancers')])[0]?.status).toBe('ERROR');
  });
});
