import {
  DescribeLoadBalancerAttributesCommand,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type DescribeLoadBalancerAttributesCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Listing } from '../../../src/core/inventory.js';
import { seen, unseen, type Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { ElbListener } from '../model/index.js';
import { provenance, type AwsCaller } from './caller.js';

/** Application, network and gateway load balancers of one region, with their listeners and attributes (one call each per load balancer: neither comes in bulk). */
export async function collectElbv2(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.elbv2.load-balancer', region, 'elasticloadbalancing', 'DescribeLoadBalancers', async () => {
    const lbs = await caller.all('elasticloadbalancing', region, paginateDescribeLoadBalancers, {}, (p) => p.LoadBalancers, 400);
    return Promise.all(lbs.filter((lb) => lb.LoadBalancerArn).map(async (lb) => {
      const arn = lb.LoadBalancerArn!;
      const listeners: Promise<Observed<readonly ElbListener[]>> = caller
        .all('elasticloadbalancing', region, paginateDescribeListeners, { LoadBalancerArn: arn }, (p) => p.Listeners, 400)
        .then((list) => seen(list.map((l): ElbListener => ({
          listenerArn: l.ListenerArn ?? '', protocol: l.Protocol ?? '', port: l.Port ?? null, sslPolicy: l.SslPolicy || null,
          defaultActions: [...(l.DefaultActions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0))
            .map((a) => ({ type: a.Type ?? '', redirectProtocol: a.RedirectConfig?.Protocol ?? null })),
        })), provenance('elasticloadbalancing', 'DescribeListeners')),
        (e: unknown) => unseen(caller.error(e, 'elasticloadbalancing', 'DescribeListeners', region)));
      const attributes = caller.observe('elasticloadbalancing', region, new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }),
        (o: DescribeLoadBalancerAttributesCommandOutput) => Object.fromEntries((o.Attributes ?? []).filter((a) => a.Key).map((a) => [a.Key!, a.Value ?? ''])));
      return resource('aws.elbv2.load-balancer', where, {
        id: arn, name: lb.LoadBalancerName ?? arn,
        data: {
          arn, name: lb.LoadBalancerName ?? '', type: lb.Type ?? '', scheme: lb.Scheme ?? '', dnsName: lb.DNSName ?? '',
          listeners: await listeners, attributes: await attributes,
        },
      });
    }));
  });
}
