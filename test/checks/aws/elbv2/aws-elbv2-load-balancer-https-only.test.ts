import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/elbv2/aws-elbv2-load-balancer-https-only.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { loadBalancer } from '../../../fixtures/aws-edge.js';

const http = (type: string, redirectProtocol: string | null = null) =>
  ({ listenerArn: 'l', protocol: 'HTTP', port: 80, sslPolicy: null, defaultActions: [{ type, redirectProtocol }] });

describe(check.id, () => {
  test('internet-facing ALBs: PASS when HTTP redirects to HTTPS, FAIL when it forwards; internal and network LBs NOT_APPLICABLE; unread listeners ERROR', () => {
    const results = runCheck(check, [listingOf('aws.elbv2.load-balancer', [
      loadBalancer('redirects'),
      loadBalancer('forwards', { listeners: seen([http('forward')]) }),
      loadBalancer('to-http', { listeners: seen([http('redirect', 'HTTP')]) }),
      loadBalancer('internal', { scheme: 'internal', listeners: seen([http('forward')]) }),
      loadBalancer('nlb', { type: 'network' }),
      loadBalancer('unread', { listeners: deniedFact('elasticloadbalancing:DescribeListeners') }),
    ])]);
    expect(statuses(results)).toEqual([['redirects', 'PASS'], ['forwards', 'FAIL'], ['to-http', 'FAIL'], ['internal', 'NOT_APPLICABLE'], ['nlb', 'NOT_APPLICABLE'], ['unread', 'ERROR']]);
    expect(results[1]?.message).toBe('Plain HTTP served on port 80');
    expect(runCheck(check, [failedListingOf('aws.elbv2.load-balancer', 'elasticloadbalancing:DescribeLoadBalancers')])[0]?.status).toBe('ERROR');
  });
});
