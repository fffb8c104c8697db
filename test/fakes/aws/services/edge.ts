import * as ecr from '@aws-sdk/client-ecr';
import * as eks from '@aws-sdk/client-eks';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as lambda from '@aws-sdk/client-lambda';
import * as secretsmanager from '@aws-sdk/client-secrets-manager';
import * as sns from '@aws-sdk/client-sns';
import * as sqs from '@aws-sdk/client-sqs';
import { FakeAwsError, page, type HandlerContext } from '../handlers.js';
import { edgeRegion, policyText } from './edge-state.js';

/**
 * The fake's aws-edge services (issue 13): SQS (JSON 1.0, as current SDKs send it), SNS and ELBv2
 * (Query), Secrets Manager and ECR (JSON 1.1), EKS and Lambda (REST-JSON), plus the calls they
 * add to EC2, KMS and Backup. server.ts registers these tables.
 */
type Handler = (ctx: HandlerContext) => Record<string, unknown>;

export const EDGE_PROTOCOLS = {
  sqs: { protocol: 'json', module: sqs },
  sns: { protocol: 'query', module: sns, xmlns: 'http://sns.amazonaws.com/doc/2010-03-31/' },
  secretsmanager: { protocol: 'json', module: secretsmanager },
  ecr: { protocol: 'json', module: ecr },
  eks: { protocol: 'rest-json', module: eks },
  elasticloadbalancing: { protocol: 'query', module: elbv2, xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/' },
  lambda: { protocol: 'rest-json', module: lambda },
} as const;

export const EDGE_REST_ROUTES = [
  { service: 'eks', method: 'GET', path: /^\/clusters\/?$/, operation: 'ListClusters' },
  { service: 'eks', method: 'GET', path: /^\/clusters\/(?<cluster>[^/]+)\/?$/, operation: 'DescribeCluster' },
  { service: 'lambda', method: 'GET', path: /^\/2015-03-31\/functions\/?$/, operation: 'ListFunctions' },
  { service: 'lambda', method: 'GET', path: /^\/2015-03-31\/functions\/(?<fn>[^/]+)\/policy\/?$/, operation: 'GetPolicy' },
  { service: 'lambda', method: 'GET', path: /^\/2021-10-31\/functions\/(?<fn>[^/]+)\/urls\/?$/, operation: 'ListFunctionUrlConfigs' },
  { service: 'backup', method: 'GET', path: /^\/backup-vaults\/?$/, operation: 'ListBackupVaults' },
  { service: 'backup', method: 'GET', path: /^\/backup-vaults\/(?<vault>[^/]+)\/access-policy\/?$/, operation: 'GetBackupVaultAccessPolicy' },
];

const arnOf = (ctx: HandlerContext, service: string, resource: string) => `arn:aws:${service}:${ctx.region}:${ctx.account.id}:${resource}`;

const SQS: Record<string, Handler> = {
  ListQueues: (ctx) => {
    const p = page(edgeRegion(ctx.account, ctx.region).queues, ctx.json.NextToken, ctx.json.MaxResults, 1000);
    return { QueueUrls: p.items.map((q) => `https://sqs.${ctx.region}.amazonaws.com/${ctx.account.id}/${q.name}`), ...(p.next ? { NextToken: p.next } : {}) };
  },
  GetQueueAttributes: (ctx) => {
    const name = String(ctx.json.QueueUrl).split('/').pop();
    const q = edgeRegion(ctx.account, ctx.region).queues.find((x) => x.name === name);
    if (!q) throw new FakeAwsError('AWS.SimpleQueueService.NonExistentQueue', 400, `no queue ${String(name)}`);
    const policy = policyText(q.policy);
    return { Attributes: { QueueArn: arnOf(ctx, 'sqs', q.name), ...q.attributes, ...(policy ? { Policy: policy } : {}) } };
  },
};

const SNS: Record<string, Handler> = {
  ListTopics: (ctx) => {
    const p = page(edgeRegion(ctx.account, ctx.region).topics, ctx.params.NextToken, undefined, 100);
    return { Topics: p.items.map((t) => ({ TopicArn: arnOf(ctx, 'sns', t.name) })), ...(p.next ? { NextToken: p.next } : {}) };
  },
  GetTopicAttributes: (ctx) => {
    const t = edgeRegion(ctx.account, ctx.region).topics.find((x) => arnOf(ctx, 'sns', x.name) === ctx.params.TopicArn);
    if (!t) throw new FakeAwsError('NotFound', 404, `no topic ${String(ctx.params.TopicArn)}`);
    const policy = policyText(t.policy);
    return { Attributes: { TopicArn: arnOf(ctx, 'sns', t.name), ...t.attributes, ...(policy ? { Policy: policy } : {}) } };
  },
};

const SECRETS: Record<string, Handler> = {
  ListSecrets: (ctx) => {
    const p = page(edgeRegion(ctx.account, ctx.region).secrets, ctx.json.NextToken, ctx.json.MaxResults, 100);
    return { SecretList: p.items.map((s) => s.entry), ...(p.next ? { NextToken: p.next } : {}) };
  },
  GetResourcePolicy: (ctx) => {
    const s = edgeRegion(ctx.account, ctx.region).secrets.find((x) => x.entry.ARN === ctx.json.SecretId || x.entry.Name === ctx.json.SecretId);
    if (!s) throw new FakeAwsError('ResourceNotFoundException', 400, `no secret ${String(ctx.json.SecretId)}`);
    const policy = policyText(s.policy);
    return { ARN: s.entry.ARN, Name: s.entry.Name, ...(policy ? { ResourcePolicy: policy } : {}) };
  },
};

const ECR: Record<string, Handler> = {
  DescribeRepositories: (ctx) => {
    const p = page(edgeRegion(ctx.account, ctx.region).repositories, ctx.json.nextToken, ctx.json.maxResults, 100);
    return { repositories: p.items.map((r) => r.repository), ...(p.next ? { nextToken: p.next } : {}) };
  },
  GetRepositoryPolicy: (ctx) => {
    const r = edgeRegion(ctx.account, ctx.region).repositories.find((x) => x.repository.repositoryName === ctx.json.repositoryName);
    if (!r) throw new FakeAwsError('RepositoryNotFoundException', 400, `no repository ${String(ctx.json.repositoryName)}`);
    if (!r.policy) throw new FakeAwsError('RepositoryPolicyNotFoundException', 400, 'Repository policy does not exist');
    return { registryId: ctx.account.id, repositoryName: r.repository.repositoryName, policyText: policyText(r.policy) };
  },
};

const EKS: Record<string, Handler> = {
  ListClusters: (ctx) => {
    const p = page(edgeRegion(ctx.account, ctx.region).clusters, ctx.params.nextToken, ctx.params.maxResults, 100);
    return { clusters: p.items.map((c) => c.name), ...(p.next ? { nextToken: p.next } : {}) };
  },
  DescribeCluster: (ctx) => {
    const c = edgeRegion(ctx.account, ctx.region).clusters.find((x) => x.name === ctx.path.cluster);
    if (!c) throw new FakeAwsError('ResourceNotFoundException', 404, `No cluster found for name: ${String(ctx.path.cluster)}.`);
    return { cluster: c };
  },
};

const ELBV2: Record<string, Handler> = {
  DescribeLoadBalancers: (ctx) => {
    const p = page(edgeRegion(ctx.account, ctx.region).loadBalancers, ctx.params.Marker, ctx.params.PageSize, 400);
    return { LoadBalancers: p.items.map((l) => l.loadBalancer), ...(p.next ? { NextMarker: p.next } : {}) };
  },
  DescribeListeners: (ctx) => {
    const lb = loadBalancer(ctx);
    const p = page(lb.listeners, ctx.params.Marker, ctx.params.PageSize, 400);
    return { Listeners: p.items, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  DescribeLoadBalancerAttributes: (ctx) => ({
    Attributes: Object.entries(loadBalancer(ctx).attributes).map(([Key, Value]) => ({ Key, Value })),
  }),
};

function loadBalancer(ctx: HandlerContext) {
  const lb = edgeRegion(ctx.account, ctx.region).loadBalancers.find((l) => l.loadBalancer.LoadBalancerArn === ctx.params.LoadBalancerArn);
  if (!lb) throw new FakeAwsError('LoadBalancerNotFound', 400, `no load balancer ${String(ctx.params.LoadBalancerArn)}`);
  return lb;
}

function lambdaFunction(ctx: HandlerContext) {
  const f = edgeRegion(ctx.account, ctx.region).functions.find((x) => x.config.FunctionName === ctx.path.fn || x.config.FunctionArn === ctx.path.fn);
  if (!f) throw new FakeAwsError('ResourceNotFoundException', 404, `Function not found: ${String(ctx.path.fn)}`);
  return f;
}

const LAMBDA: Record<string, Handler> = {
  ListFunctions: (ctx) => {
    const p = page(edgeRegion(ctx.account, ctx.region).functions, ctx.params.Marker, ctx.params.MaxItems, 50);
    return { Functions: p.items.map((f) => f.config), ...(p.next ? { NextMarker: p.next } : {}) };
  },
  GetPolicy: (ctx) => {
    const f = lambdaFunction(ctx);
    if (!f.policy) throw new FakeAwsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.');
    return { Policy: policyText(f.policy), RevisionId: 'r1' };
  },
  ListFunctionUrlConfigs: (ctx) => {
    const p = page(lambdaFunction(ctx).urls, ctx.params.Marker, ctx.params.MaxItems, 50);
    return { FunctionUrlConfigs: p.items, ...(p.next ? { NextMarker: p.next } : {}) };
  },
};

/** New services, registered beside the existing ones. */
export const EDGE_HANDLERS: Record<string, Record<string, Handler>> = {
  sqs: SQS, sns: SNS, secretsmanager: SECRETS, ecr: ECR, eks: EKS, elasticloadbalancing: ELBV2, lambda: LAMBDA,
};

/** Calls added to services the fake already serves. */
export const EDGE_EXTRA_HANDLERS: Record<string, Record<string, Handler>> = {
  ec2: {
    DescribeImages: (ctx) => {
      if (ctx.params['Owner.1'] !== 'self') throw new FakeAwsError('FakeUnsupported', 400, 'the fake answers Owners=self only');
      const p = page(edgeRegion(ctx.account, ctx.region).images, ctx.params.NextToken, ctx.params.MaxResults, 1000);
      return { Images: p.items, ...(p.next ? { NextToken: p.next } : {}) };
    },
  },
  kms: {
    GetKeyPolicy: (ctx) => {
      const key = (ctx.account.kms[ctx.region] ?? []).find((k) => k.metadata.KeyId === ctx.json.KeyId || k.metadata.Arn === ctx.json.KeyId);
      if (!key) throw new FakeAwsError('NotFoundException', 400, `key ${String(ctx.json.KeyId)} not found`);
      const policy = edgeRegion(ctx.account, ctx.region).keyPolicies[key.metadata.KeyId!] ??
        { Version: '2012-10-17', Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ctx.account.id}:root` }, Action: 'kms:*', Resource: '*' }] };
      return { Policy: JSON.stringify(policy), PolicyName: 'default' };
    },
  },
  backup: {
    ListBackupVaults: (ctx) => {
      const p = page(edgeRegion(ctx.account, ctx.region).vaults, ctx.params.nextToken, ctx.params.maxResults, 100);
      return { BackupVaultList: p.items.map((v) => v.vault), ...(p.next ? { NextToken: p.next } : {}) };
    },
    GetBackupVaultAccessPolicy: (ctx) => {
      const v = edgeRegion(ctx.account, ctx.region).vaults.find((x) => x.vault.BackupVaultName === ctx.path.vault);
      if (!v) throw new FakeAwsError('ResourceNotFoundException', 404, `no vault ${String(ctx.path.vault)}`);
      if (!v.policy) throw new FakeAwsError('ResourceNotFoundException', 404, 'Backup vault has no access policy');
      return { BackupVaultName: v.vault.BackupVaultName, BackupVaultArn: v.vault.BackupVaultArn, Policy: policyText(v.policy) };
    },
  },
};
