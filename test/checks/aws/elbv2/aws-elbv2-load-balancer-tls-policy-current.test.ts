import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/elbv2/aws-elbv2-load-balancer-tls-policy-current.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { loadBalancer } from '../../../fixtures/aws-edge.js';

const tls = (protocol: string, sslPolicy: string | null) => ({ listenerArn: 'l', protocol, port: 443, sslPolicy, defaultActions: [] });

describe(check.id, () => {
  test('PASS for TLS 1.2+ policies, FAIL for old ones, NOT_APPLICABLE without TLS listeners, ERROR when unread; the allow-list is a parameter', () => {
    const lbs = listingOf('aws.elbv2.load-balancer', [
      loadBalancer('current'),
      loadBalancer('old', { listeners: seen([tls('HTTPS', 'ELBSecurityPolicy-2016-08')]) }),
      loadBalancer('nlb-fs', { type: 'network', listeners: seen([tls('TLS', 'ELBSecurityPolicy-FS-1-2-Res-2020-10')]) }),
      loadBalancer('http-only', { listeners: seen([]) }),
      loadBalancer('unread', { listeners: deniedFact('elasticloadbalancing:DescribeListeners') }),
    ]);
    const results = runCheck(check, [lbs]);
    expect(statuses(results)).toEqual([['current', 'PASS'], ['old', 'FAIL'], ['nlb-fs', 'PASS'], ['http-only', 'NOT_APPLICABLE'], ['unread', 'ERROR']]);
    expect(results[1]?.message).toBe('Outdated TLS policy: ELBSecurityPolicy-2016-08 on port 443');
    expect(runCheck(check, [lbs], { params: { allowedPolicies: ['ELBSecurityPolicy-2016-*'] } }).map((r) => r.status)).toEqual(['FAIL', 'PASS', 'FAIL', 'NOT_APPLICABLE', 'ERROR']);
    expect(runCheck(check, [failedListingOf('aws.elbv2.load-balancer', 'elasticloadbalancing:DescribeLoadBalancers')])[0]?.status).toBe('ERROR');
  });
});
