import { afterEach, describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/core/resource.js';
import { adapterFor, ACCOUNT, FakeAws, find, items, runAdapter, singleAccountState } from './support.js';

/** SQS, SNS, Secrets Manager, ECR, EKS, ELBv2, Lambda, AMIs, Backup vaults and KMS key policies through the real SDK clients. */

const EDGE_TYPES = new Set<ResourceType>([
  'aws.sqs.queue', 'aws.sns.topic', 'aws.secretsmanager.secret', 'aws.ecr.repository', 'aws.eks.cluster',
  'aws.elbv2.load-balancer', 'aws.lambda.function', 'aws.ec2.image', 'aws.backup.vault', 'aws.kms.key',
]);
const R = 'us-east-1';
const arn = (service: string, resource: string) => `arn:aws:${service}:${R}:${ACCOUNT}:${resource}`;
const value = <T>(o: { ok: boolean; value?: T }) => {
  if (!o.ok) throw new Error(`unanswered: ${JSON.stringify(o)}`);
  return o.value as T;
};

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('aws-edge collectors through the real SDK clients', () => {
  it('reads each service wire answer into the model, policies parsed, "no policy" as null', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.pageCap = 1; // every listing and per-resource list crosses pages
    const { listings } = await runAdapter(await adapterFor(fake, { regions: [R] }), { types: EDGE_TYPES });
    expect(listings.filter((l) => !l.items.ok)).toEqual([]);

    const queues = items(find(listings, 'aws.sqs.queue', R));
    expect(queues.map((q) => [q.id, q.name])).toEqual([[arn('sqs', 'orders'), 'orders'], [arn('sqs', 'open-plain'), 'open-plain']]);
    expect(value(queues[0]!.data.attributes)).toMatchObject({ sqsManagedSse: true, kmsMasterKeyId: null });
    expect(value(queues[1]!.data.attributes).policy?.statement[0]).toMatchObject({ effect: 'Allow', action: ['sqs:*'], principal: { aws: ['*'] } });

    const topics = items(find(listings, 'aws.sns.topic', R));
    expect(topics.map((t) => [t.name, value(t.data.attributes).kmsMasterKeyId])).toEqual([['events', 'alias/aws/sns'], ['open', null]]);

    const secrets = items(find(listings, 'aws.secretsmanager.secret', R));
    expect(secrets[0]!.data).toMatchObject({ name: 'db', rotationEnabled: true, automaticallyAfterDays: 30, lastRotatedDate: '2026-11-20T00:00:00.000Z', kmsKeyId: arn('kms', 'key/k1') });
    expect(secrets[0]!.tags).toEqual({ owner: 'db' });
    expect(value(secrets[0]!.data.policy)).toBeNull();
    expect(value(secrets[1]!.data.policy)?.statement).toHaveLength(1);

    const repos = items(find(listings, 'aws.ecr.repository', R));
    expect(repos.map((r) => [r.name, r.data.scanOnPush, r.data.imageTagMutability, r.data.encryptionType])).toEqual([
      ['api', true, 'IMMUTABLE', 'KMS'], ['public-base', false, 'MUTABLE', 'AES256'],
    ]);
    expect(value(repos[0]!.data.policy)).toBeNull(); // RepositoryPolicyNotFoundException is "no policy"
    expect(value(repos[1]!.data.policy)?.statement[0]?.action).toEqual(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']);

    const clusters = items(find(listings, 'aws.eks.cluster', R));
    expect(clusters[0]!.data).toMatchObject({ name: 'prod', endpointPublicAccess: false, enabledLogTypes: ['api', 'audit', 'authenticator'],
      encryptionConfig: [{ resources: ['secrets'], keyArn: arn('kms', 'key/k1') }] });
    expect(clusters[1]!.data).toMatchObject({ name: 'lab', publicAccessCidrs: ['0.0.0.0/0'], encryptionConfig: [], enabledLogTypes: ['api'] });

    const lbs = items(find(listings, 'aws.elbv2.load-balancer', R));
    expect(lbs[0]!.data).toMatchObject({ name: 'web', scheme: 'internet-facing', type: 'application' });
    expect(value(lbs[0]!.data.listeners).map((l) => [l.protocol, l.port, l.sslPolicy, l.defaultActions])).toEqual([
      ['HTTP', 80, null, [{ type: 'redirect', redirectProtocol: 'HTTPS' }]],
      ['HTTPS', 443, 'ELBSecurityPolicy-TLS13-1-2-2021-06', [{ type: 'forward', redirectProtocol: null }]],
    ]);
    expect(value(lbs[1]!.data.attributes)).toMatchObject({ 'access_logs.s3.enabled': 'false', 'deletion_protection.enabled': 'false' });

    const functions = items(find(listings, 'aws.lambda.function', R));
    expect(functions.map((f) => [f.name, f.data.runtime, value(f.data.urls).map((u) => u.authType)])).toEqual([['worker', 'nodejs22.x', ['AWS_IAM']], ['hook', 'python3.7', ['NONE']]]);
    expect(value(functions[1]!.data.policy)?.statement[0]?.condition).toEqual({ StringEquals: { 'lambda:FunctionUrlAuthType': ['NONE'] } });

    const images = items(find(listings, 'aws.ec2.image', R));
    expect(images.map((i) => [i.id, i.name, i.data.public])).toEqual([
      [`arn:aws:ec2:${R}::image/ami-private`, 'golden-2026', false], [`arn:aws:ec2:${R}::image/ami-public`, 'shared-by-mistake', true],
    ]);

    const vaults = items(find(listings, 'aws.backup.vault', R));
    expect(vaults.map((v) => [v.name, v.data.locked, v.data.minRetentionDays, v.data.policy.ok && v.data.policy.value !== null])).toEqual([
      ['locked', true, 7, false], ['Default', false, null, true],
    ]);

    const keys = items(find(listings, 'aws.kms.key', R));
    const customer = keys.filter((k) => k.data.policy !== null);
    expect(customer.length).toBeGreaterThan(0);
    for (const k of customer) expect(value(k.data.policy!).statement[0]?.principal?.aws).toEqual([`arn:aws:iam::${ACCOUNT}:root`]);
    expect(fake.count('kms', 'GetKeyPolicy')).toBe(customer.length);
  });

  it('a denied per-resource read is an error fact on that resource; a denied listing fails the type; EKS cannot be half-read', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 'sqs', operation: 'GetQueueAttributes', code: 'AccessDenied', status: 403 });
    fake.fault({ service: 'lambda', operation: 'GetPolicy', code: 'AccessDeniedException', status: 403 });
    fake.fault({ service: 'elasticloadbalancing', operation: 'DescribeListeners', code: 'AccessDenied', status: 403 });
    fake.fault({ service: 'secretsmanager', operation: 'ListSecrets', code: 'AccessDeniedException', status: 403 });
    fake.fault({ service: 'eks', operation: 'DescribeCluster', code: 'AccessDeniedException', status: 403 });
    const { listings } = await runAdapter(await adapterFor(fake, { regions: [R] }), { types: EDGE_TYPES });
    const queue = items(find(listings, 'aws.sqs.queue', R))[0]!;
    expect(queue.id).toBe(`https://sqs.${R}.amazonaws.com/${ACCOUNT}/orders`);
    expect(queue.data.attributes).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'sqs:GetQueueAttributes' } });
    expect(items(find(listings, 'aws.lambda.function', R))[0]!.data.policy).toMatchObject({ ok: false, error: { operation: 'lambda:GetPolicy' } });
    expect(items(find(listings, 'aws.lambda.function', R))[0]!.data.urls.ok).toBe(true);
    expect(items(find(listings, 'aws.elbv2.load-balancer', R))[0]!.data.listeners).toMatchObject({ ok: false, error: { operation: 'elasticloadbalancing:DescribeListeners' } });
    expect(find(listings, 'aws.secretsmanager.secret', R).items).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'secretsmanager:ListSecrets' } });
    expect(find(listings, 'aws.eks.cluster', R).items).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'eks:DescribeCluster' } });
  });

  it('each new service takes its own endpoint (config endpoints.<service>)', async () => {
    fake = await FakeAws.start(singleAccountState());
    const endpoints = Object.fromEntries(['sts', 'ec2', 'account', 'sqs', 'sns', 'secretsmanager', 'ecr', 'eks', 'elasticloadbalancing', 'lambda'].map((s) => [s, fake!.url]));
    const types = new Set<ResourceType>(['aws.sqs.queue', 'aws.sns.topic', 'aws.secretsmanager.secret', 'aws.ecr.repository', 'aws.eks.cluster', 'aws.elbv2.load-balancer', 'aws.lambda.function']);
    // The shared endpoint goes nowhere: only the per-service ones can answer.
    const { listings } = await runAdapter(await adapterFor(fake, { endpoint: 'http://127.0.0.1:9', endpoints, regions: [R] }), { types });
    expect(listings.map((l) => [l.type, l.items.ok])).toEqual([...types].map((t) => [t, true]));
  });
});

