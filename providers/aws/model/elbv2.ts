import type { Observed } from '../../../src/core/observed.js';

/**
 * Elastic Load Balancing v2 (regional): `elasticloadbalancing:DescribeLoadBalancers`, then per load
 * balancer `DescribeListeners` and `DescribeLoadBalancerAttributes` (neither comes in bulk).
 */

export interface ElbListener {
  readonly listenerArn: string;
  /** HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE */
  readonly protocol: string;
  readonly port: number | null;
  readonly sslPolicy: string | null;
  /** Default action types, in order (`redirect`, `forward`, `fixed-response`, ...). */
  readonly defaultActions: readonly { readonly type: string; readonly redirectProtocol: string | null }[];
}

/** `aws.elbv2.load-balancer`; `Resource.id` is the load balancer ARN. */
export interface ElbLoadBalancer {
  readonly arn: string;
  readonly name: string;
  /** application, network, gateway */
  readonly type: string;
  /** internet-facing or internal */
  readonly scheme: string;
  readonly dnsName: string;
  readonly listeners: Observed<readonly ElbListener[]>;
  /** Attribute key -> value, as `DescribeLoadBalancerAttributes` returns them. */
  readonly attributes: Observed<Readonly<Record<string, string>>>;
}
