import type { FakeAccount } from '../state.js';
import { edgeRegion } from './edge-state.js';

const anyone = (action: string | string[], condition?: object) =>
  ({ Version: '2012-10-17', Statement: [{ Sid: 'open', Effect: 'Allow', Principal: '*', Action: action, Resource: '*', ...(condition ? { Condition: condition } : {}) }] });

/**
 * The aws-edge services of a rich account (issue 13), in us-east-1: one compliant and one
 * non-compliant resource of each kind, so a full scan makes every call these collectors can make.
 */
export function addEdgeServices(a: FakeAccount): void {
  const id = a.id;
  const r = 'us-east-1';
  const arn = (service: string, resource: string) => `arn:aws:${service}:${r}:${id}:${resource}`;
  const s = edgeRegion(a, r);
  s.queues.push(
    { name: 'orders', attributes: { SqsManagedSseEnabled: 'true' }, policy: anyone('sqs:SendMessage', { ArnEquals: { 'aws:SourceArn': arn('sns', 'events') } }) },
    { name: 'open-plain', attributes: { SqsManagedSseEnabled: 'false' }, policy: anyone('sqs:*') },
  );
  s.topics.push(
    { name: 'events', attributes: { KmsMasterKeyId: 'alias/aws/sns' }, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'SNS:Publish', Resource: '*' }] } },
    { name: 'open', attributes: {}, policy: anyone('SNS:Subscribe') },
  );
  s.secrets.push(
    { entry: { ARN: arn('secretsmanager', 'secret:db-AbCdEf'), Name: 'db', KmsKeyId: arn('kms', 'key/k1'), RotationEnabled: true, RotationLambdaARN: arn('lambda', 'function:rotate'),
      RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: new Date('2026-11-20T00:00:00Z'), CreatedDate: new Date('2025-01-01T00:00:00Z'), Tags: [{ Key: 'owner', Value: 'db' }] } },
    { entry: { ARN: arn('secretsmanager', 'secret:legacy-XyZ123'), Name: 'legacy', RotationEnabled: false, CreatedDate: new Date('2024-01-01T00:00:00Z') }, policy: anyone('secretsmanager:GetSecretValue') },
  );
  s.repositories.push(
    { repository: { repositoryArn: arn('ecr', 'repository/api'), repositoryName: 'api', repositoryUri: `${id}.dkr.ecr.${r}.amazonaws.com/api`, registryId: id,
      imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true }, encryptionConfiguration: { encryptionType: 'KMS', kmsKey: arn('kms', 'key/k1') } } },
    { repository: { repositoryArn: arn('ecr', 'repository/public-base'), repositoryName: 'public-base', registryId: id, imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: false }, encryptionConfiguration: { encryptionType: 'AES256' } }, policy: anyone(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']) },
  );
  s.clusters.push(
    { name: 'prod', arn: arn('eks', 'cluster/prod'), version: '1.31', status: 'ACTIVE',
      resourcesVpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [] },
      encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: arn('kms', 'key/k1') } }],
      logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator'], enabled: true }, { types: ['scheduler', 'controllerManager'], enabled: false }] }, tags: { owner: 'platform' } },
    { name: 'lab', arn: arn('eks', 'cluster/lab'), version: '1.29', status: 'ACTIVE',
      resourcesVpcConfig: { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] },
      logging: { clusterLogging: [{ types: ['api'], enabled: true }] } },
  );
  const lbArn = (name: string) => arn('elasticloadbalancing', `loadbalancer/app/${name}/0123456789abcdef`);
  s.loadBalancers.push(
    { loadBalancer: { LoadBalancerArn: lbArn('web'), LoadBalancerName: 'web', Type: 'application', Scheme: 'internet-facing', DNSName: 'web.example' },
      listeners: [
        { ListenerArn: `${lbArn('web')}/l1`, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'redirect', Order: 1, RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] },
        { ListenerArn: `${lbArn('web')}/l2`, Protocol: 'HTTPS', Port: 443, SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', DefaultActions: [{ Type: 'forward', Order: 1 }] },
      ],
      attributes: { 'access_logs.s3.enabled': 'true', 'access_logs.s3.bucket': 'lb-logs', 'deletion_protection.enabled': 'true', 'routing.http.drop_invalid_header_fields.enabled': 'true' } },
    { loadBalancer: { LoadBalancerArn: lbArn('legacy'), LoadBalancerName: 'legacy', Type: 'application', Scheme: 'internet-facing', DNSName: 'legacy.example' },
      listeners: [
        { ListenerArn: `${lbArn('legacy')}/l1`, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', Order: 1 }] },
        { ListenerArn: `${lbArn('legacy')}/l2`, Protocol: 'HTTPS', Port: 443, SslPolicy: 'ELBSecurityPolicy-2016-08', DefaultActions: [{ Type: 'forward', Order: 1 }] },
      ],
      attributes: { 'access_logs.s3.enabled': 'false', 'deletion_protection.enabled': 'false', 'routing.http.drop_invalid_header_fields.enabled': 'false' } },
  );
  s.functions.push(
    { config: { FunctionName: 'worker', FunctionArn: arn('lambda', 'function:worker'), Runtime: 'nodejs22.x', PackageType: 'Zip', LastModified: '2026-11-01T00:00:00.000+0000' },
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: '*', Condition: { StringEquals: { 'AWS:SourceAccount': id } } }] },
      urls: [{ FunctionUrl: 'https://worker.lambda-url.us-east-1.on.aws/', FunctionArn: arn('lambda', 'function:worker'), AuthType: 'AWS_IAM', CreationTime: '2026-01-01', LastModifiedTime: '2026-01-01' }] },
    { config: { FunctionName: 'hook', FunctionArn: arn('lambda', 'function:hook'), Runtime: 'python3.7', PackageType: 'Zip' },
      policy: anyone('lambda:InvokeFunctionUrl', { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } }),
      urls: [{ FunctionUrl: 'https://hook.lambda-url.us-east-1.on.aws/', FunctionArn: arn('lambda', 'function:hook'), AuthType: 'NONE', CreationTime: '2026-01-01', LastModifiedTime: '2026-01-01' }] },
  );
  s.images.push(
    { ImageId: 'ami-private', Name: 'golden-2026', Public: false, State: 'available', OwnerId: id, CreationDate: '2026-10-01T00:00:00.000Z' },
    { ImageId: 'ami-public', Name: 'shared-by-mistake', Public: true, State: 'available', OwnerId: id },
  );
  s.vaults.push(
    { vault: { BackupVaultName: 'locked', BackupVaultArn: arn('backup', 'backup-vault:locked'), VaultType: 'BACKUP_VAULT', EncryptionKeyArn: arn('kms', 'key/k1'),
      Locked: true, MinRetentionDays: 7, MaxRetentionDays: 365, LockDate: new Date('2026-01-01T00:00:00Z'), NumberOfRecoveryPoints: 12 } },
    { vault: { BackupVaultName: 'Default', BackupVaultArn: arn('backup', 'backup-vault:Default'), EncryptionKeyArn: arn('kms', 'key/k2'), Locked: false, NumberOfRecoveryPoints: 3 },
      policy: anyone('backup:DeleteRecoveryPoint') },
  );
}
