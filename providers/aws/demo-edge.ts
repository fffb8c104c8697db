import { seen } from '../../src/core/observed.js';
import type { PolicyDocument } from './model/index.js';
import { doc, kmsKey, type Account, type DemoOrg } from './demo.js';

/**
 * The demo organisation's queues, topics, secrets, registries, clusters, load balancers,
 * functions, AMIs and backup vaults (issue 13): payments-prod mostly compliant, data-platform
 * mixed, the sandbox careless, so every check of these services shows a PASS and a FAIL.
 */

const anyone = (action: string | string[], condition?: Record<string, unknown>): PolicyDocument =>
  doc({ Effect: 'Allow', Principal: '*', Action: action, Resource: '*', ...(condition ? { Condition: condition } : {}) });
const denyPlainHttp = (service: string): PolicyDocument =>
  doc({ Sid: 'DenyPlainHttp', Effect: 'Deny', Principal: '*', Action: `${service}:*`, Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
const arnIn = (a: Account, region: string) => (service: string, rest: string) => `arn:aws:${service}:${region}:${a.id}:${rest}`;

function queue(org: DemoOrg, a: Account, region: string, name: string, o: { sse: boolean; policy: PolicyDocument | null }) {
  const arn = arnIn(a, region)('sqs', name);
  org.add(a, region, 'aws.sqs.queue', arn, name, {
    queueUrl: `https://sqs.${region}.amazonaws.com/${a.id}/${name}`, queueName: name,
    attributes: seen({ queueArn: arn, sqsManagedSse: o.sse, kmsMasterKeyId: null, policy: o.policy }),
  });
}

function topic(org: DemoOrg, a: Account, region: string, name: string, o: { kms: boolean; policy: PolicyDocument }) {
  const arn = arnIn(a, region)('sns', name);
  org.add(a, region, 'aws.sns.topic', arn, name, { topicArn: arn, attributes: seen({ kmsMasterKeyId: o.kms ? 'alias/aws/sns' : null, policy: o.policy }) });
}

function secret(org: DemoOrg, a: Account, region: string, name: string, o: { key: string | null; rotatedDaysAgo: number | null; policy?: PolicyDocument; tags?: Record<string, string> }) {
  const arn = arnIn(a, region)('secretsmanager', `secret:${name}-Ab12Cd`);
  org.add(a, region, 'aws.secretsmanager.secret', arn, name, {
    arn, name, kmsKeyId: o.key, rotationEnabled: o.rotatedDaysAgo !== null, rotationLambdaArn: o.rotatedDaysAgo !== null ? arnIn(a, region)('lambda', 'function:rotate-secrets') : null,
    automaticallyAfterDays: o.rotatedDaysAgo !== null ? 30 : null, lastRotatedDate: o.rotatedDaysAgo !== null ? org.ago(o.rotatedDaysAgo) : null,
    lastChangedDate: org.ago(o.rotatedDaysAgo ?? 500), createdDate: org.ago(700), policy: seen(o.policy ?? null),
  }, o.tags ?? {});
}

function repository(org: DemoOrg, a: Account, region: string, name: string, o: { kmsKey?: string; scan: boolean; immutable: boolean; policy?: PolicyDocument }) {
  const arn = arnIn(a, region)('ecr', `repository/${name}`);
  org.add(a, region, 'aws.ecr.repository', arn, name, {
    repositoryName: name, repositoryArn: arn, repositoryUri: `${a.id}.dkr.ecr.${region}.amazonaws.com/${name}`,
    imageTagMutability: o.immutable ? 'IMMUTABLE' : 'MUTABLE', scanOnPush: o.scan, encryptionType: o.kmsKey ? 'KMS' : 'AES256', kmsKey: o.kmsKey ?? null,
    policy: seen(o.policy ?? null),
  });
}

function cluster(org: DemoOrg, a: Account, region: string, name: string, o: { cidrs: string[] | null; secrets: boolean; logs: string[]; tags?: Record<string, string> }) {
  const arn = arnIn(a, region)('eks', `cluster/${name}`);
  org.add(a, region, 'aws.eks.cluster', arn, name, {
    name, arn, version: '1.31', status: 'ACTIVE', endpointPublicAccess: o.cidrs !== null, endpointPrivateAccess: true, publicAccessCidrs: o.cidrs ?? [],
    encryptionConfig: o.secrets ? [{ resources: ['secrets'], keyArn: arnIn(a, region)('kms', 'alias/eks') }] : [], enabledLogTypes: o.logs,
  }, o.tags ?? {});
}

function loadBalancer(org: DemoOrg, a: Account, region: string, name: string, o: { type?: string; plainHttp: boolean; sslPolicy: string | null; logs: boolean; protection: boolean; dropHeaders: boolean }) {
  const type = o.type ?? 'application';
  const arn = arnIn(a, region)('elasticloadbalancing', `loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/5f1e2d3c4b5a6978`);
  const http = type === 'application'
    ? [{ listenerArn: `${arn}/80`, protocol: 'HTTP', port: 80, sslPolicy: null, defaultActions: [o.plainHttp ? { type: 'forward', redirectProtocol: null } : { type: 'redirect', redirectProtocol: 'HTTPS' }] }]
    : [];
  const tls = o.sslPolicy ? [{ listenerArn: `${arn}/443`, protocol: type === 'application' ? 'HTTPS' : 'TLS', port: 443, sslPolicy: o.sslPolicy, defaultActions: [{ type: 'forward', redirectProtocol: null }] }] : [];
  org.add(a, region, 'aws.elbv2.load-balancer', arn, name, {
    arn, name, type, scheme: 'internet-facing', dnsName: `${name}-123456.${region}.elb.amazonaws.com`, listeners: seen([...http, ...tls]),
    attributes: seen({
      'access_logs.s3.enabled': String(o.logs), ...(o.logs ? { 'access_logs.s3.bucket': `${a.name}-lb-logs` } : {}),
      'deletion_protection.enabled': String(o.protection), 'routing.http.drop_invalid_header_fields.enabled': String(o.dropHeaders),
    }),
  });
}

function fn(org: DemoOrg, a: Account, region: string, name: string, o: { runtime: string | null; policy?: PolicyDocument; url?: 'AWS_IAM' | 'NONE' }) {
  const arn = arnIn(a, region)('lambda', `function:${name}`);
  org.add(a, region, 'aws.lambda.function', arn, name, {
    functionName: name, functionArn: arn, runtime: o.runtime, packageType: o.runtime ? 'Zip' : 'Image', lastModified: org.ago(20),
    policy: seen(o.policy ?? null), urls: seen(o.url ? [{ functionUrl: `https://${name}.lambda-url.${region}.on.aws/`, authType: o.url }] : []),
  });
}

function image(org: DemoOrg, a: Account, region: string, imageId: string, name: string, isPublic: boolean) {
  org.add(a, region, 'aws.ec2.image', `arn:aws:ec2:${region}::image/${imageId}`, name, { imageId, name, public: isPublic, state: 'available', creationDate: org.ago(60) });
}

function vault(org: DemoOrg, a: Account, region: string, name: string, o: { key: string; locked: boolean; points: number; policy?: PolicyDocument }) {
  const arn = arnIn(a, region)('backup', `backup-vault:${name}`);
  org.add(a, region, 'aws.backup.vault', arn, name, {
    name, arn, vaultType: 'BACKUP_VAULT', encryptionKeyArn: o.key, locked: o.locked, minRetentionDays: o.locked ? 35 : null, maxRetentionDays: o.locked ? 3650 : null,
    lockDate: o.locked ? org.ago(100) : null, numberOfRecoveryPoints: o.points, policy: seen(o.policy ?? null),
  });
}

export function edgeDemo(org: DemoOrg, payments: Account, data: Account, sandbox: Account): void {
  const eu = 'eu-west-1';
  const pay = arnIn(payments, eu);
  queue(org, payments, eu, 'payments-settlement', { sse: true, policy: denyPlainHttp('sqs') });
  topic(org, payments, eu, 'payments-alerts', { kms: true, policy: denyPlainHttp('sns') });
  secret(org, payments, eu, 'payments-db', { key: 'alias/payments', rotatedDaysAgo: 12, tags: { owner: 'payments' } });
  repository(org, payments, eu, 'payments-api', { kmsKey: pay('kms', 'alias/payments'), scan: true, immutable: true });
  cluster(org, payments, eu, 'payments-prod', { cidrs: null, secrets: true, logs: ['api', 'audit', 'authenticator'], tags: { owner: 'platform' } });
  loadBalancer(org, payments, eu, 'payments-web', { plainHttp: false, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', logs: true, protection: true, dropHeaders: true });
  fn(org, payments, eu, 'payments-webhook', { runtime: 'nodejs22.x', url: 'AWS_IAM',
    policy: doc({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: '*', Condition: { ArnLike: { 'AWS:SourceArn': pay('events', 'rule/*') } } }) });
  image(org, payments, eu, 'ami-0payments00001', 'payments-golden-2026-11', false);
  vault(org, payments, eu, 'payments-vault', { key: pay('kms', 'alias/payments'), locked: true, points: 420 });

  const dp = arnIn(data, eu);
  queue(org, data, eu, 'dp-ingest', { sse: true, policy: anyone('sqs:SendMessage', { ArnEquals: { 'aws:SourceArn': dp('sns', 'dp-events') } }) });
  topic(org, data, eu, 'dp-events', { kms: false, policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${data.id}:root` }, Action: 'SNS:Publish', Resource: '*' }) });
  secret(org, data, eu, 'dp-warehouse-admin', { key: null, rotatedDaysAgo: 140, tags: { owner: 'data' } });
  repository(org, data, eu, 'dp-curated', { kmsKey: dp('kms', 'alias/aws/ecr'), scan: true, immutable: false });
  cluster(org, data, eu, 'dp-spark', { cidrs: ['198.51.100.0/24'], secrets: false, logs: ['api'] });
  loadBalancer(org, data, eu, 'dp-notebooks', { plainHttp: true, sslPolicy: 'ELBSecurityPolicy-2016-08', logs: false, protection: false, dropHeaders: false });
  loadBalancer(org, data, eu, 'dp-ingest-nlb', { type: 'network', plainHttp: false, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', logs: true, protection: true, dropHeaders: false });
  fn(org, data, eu, 'dp-etl', { runtime: 'python3.8' });
  fn(org, data, eu, 'dp-model-serve', { runtime: null });
  vault(org, data, eu, 'Default', { key: dp('kms', 'alias/aws/backup'), locked: false, points: 35 });
  vault(org, data, eu, 'dp-empty', { key: dp('kms', 'alias/aws/backup'), locked: false, points: 0 });

  const sb = 'eu-west-1';
  kmsKey(org, sandbox, sb, 'alias/shared-decrypt', { customer: true, rotation: true, publicPolicy: true });
  queue(org, sandbox, sb, 'sandbox-jobs', { sse: false, policy: anyone('sqs:*') });
  topic(org, sandbox, sb, 'sandbox-notify', { kms: false, policy: anyone('SNS:Subscribe') });
  secret(org, sandbox, sb, 'sandbox-api-key', { key: null, rotatedDaysAgo: null, policy: anyone('secretsmanager:GetSecretValue') });
  repository(org, sandbox, sb, 'sandbox-base', { scan: false, immutable: false, policy: anyone(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']) });
  cluster(org, sandbox, sb, 'sandbox-lab', { cidrs: ['0.0.0.0/0'], secrets: false, logs: [] });
  fn(org, sandbox, sb, 'sandbox-hook', { runtime: 'nodejs16.x', url: 'NONE', policy: anyone('lambda:InvokeFunctionUrl', { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } }) });
  image(org, sandbox, sb, 'ami-0sandboxpub001', 'sandbox-shared-by-mistake', true);
  vault(org, sandbox, sb, 'sandbox-vault', { key: arnIn(sandbox, sb)('kms', 'alias/shared-decrypt'), locked: false, points: 4, policy: anyone('backup:DeleteRecoveryPoint') });
}
