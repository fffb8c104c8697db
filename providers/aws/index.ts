import type { ProviderAdapter } from '../../src/core/provider.js';
import { defineProvider } from '../../src/core/descriptor.js';
import { awsConfigSchema } from './config.js';
import { awsDemo, awsDemoPolicy } from './demo.js';

const given = (flags: Readonly<Record<string, unknown>>, key: string): boolean =>
  flags[key] !== undefined && flags[key] !== false && !(Array.isArray(flags[key]) && flags[key].length === 0);

export const aws = defineProvider({
  id: 'aws',
  title: 'AWS',
  configSchema: awsConfigSchema,
  ocsf: {
    provider: 'AWS',
    accountTypeId: 10,
    accountType: 'AWS Account',
    partition: (resourceId) => /^arn:([^:]+):/.exec(resourceId)?.[1] ?? 'aws',
  },
  // Accounts come from the organisation (or the caller's own): only regions can be told up front.
  narrow: (config, scope) => (scope.regions ? { ...config, regions: [...scope.regions] } : config),
  flags: [
    { flags: '--profile <name>', description: 'AWS: shared config / SSO profile' },
    { flags: '--regions <regions...>', description: 'AWS: regions to scan (default: every enabled region)' },
    { flags: '--organization', description: 'AWS: scan every active member account of the organisation' },
    { flags: '--role-name <name>', description: 'AWS organisation mode: the role to assume in each member account' },
    { flags: '--external-id <id>', description: 'AWS organisation mode: the external id the member role requires' },
  ],
  applyFlags(config, flags) {
    if (!['profile', 'regions', 'organization', 'roleName', 'externalId'].some((k) => given(flags, k))) return undefined;
    const { profile, regions, roleName, externalId } = flags as { profile?: string; regions?: string[]; roleName?: string; externalId?: string };
    const organization = {
      ...config.organization,
      ...(given(flags, 'organization') || roleName !== undefined || externalId !== undefined ? { enabled: true } : {}),
      ...(roleName !== undefined ? { roleName } : {}),
      ...(externalId !== undefined ? { externalId } : {}),
    };
    return { ...config, ...(profile !== undefined ? { profile } : {}), ...(regions && regions.length > 0 ? { regions } : {}), organization };
  },
  permissions: 'deploy/aws/dutyscan-readonly-policy.json',
  serviceDocs: {
    iam: 'https://docs.aws.amazon.com/iam/',
    s3: 'https://docs.aws.amazon.com/s3/',
    ec2: 'https://docs.aws.amazon.com/ec2/',
    rds: 'https://docs.aws.amazon.com/rds/',
    cloudtrail: 'https://docs.aws.amazon.com/cloudtrail/',
    kms: 'https://docs.aws.amazon.com/kms/',
    backup: 'https://docs.aws.amazon.com/aws-backup/',
    account: 'https://docs.aws.amazon.com/accounts/',
    guardduty: 'https://docs.aws.amazon.com/guardduty/',
    accessanalyzer: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html',
    config: 'https://docs.aws.amazon.com/config/',
    efs: 'https://docs.aws.amazon.com/efs/',
    logs: 'https://docs.aws.amazon.com/cloudwatch/',
    // Data services (issue 13, aws-data)
    dynamodb: 'https://docs.aws.amazon.com/amazondynamodb/',
    elasticache: 'https://docs.aws.amazon.com/elasticache/',
    memorydb: 'https://docs.aws.amazon.com/memorydb/',
    redshift: 'https://docs.aws.amazon.com/redshift/',
    opensearch: 'https://docs.aws.amazon.com/opensearch-service/',
    fsx: 'https://docs.aws.amazon.com/fsx/',
    // aws-edge (issue 13)
    sqs: 'https://docs.aws.amazon.com/sqs/',
    sns: 'https://docs.aws.amazon.com/sns/',
    secretsmanager: 'https://docs.aws.amazon.com/secretsmanager/',
    ecr: 'https://docs.aws.amazon.com/ecr/',
    eks: 'https://docs.aws.amazon.com/eks/',
    elbv2: 'https://docs.aws.amazon.com/elasticloadbalancing/',
    lambda: 'https://docs.aws.amazon.com/lambda/',

    tagging: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html',
  },
  demo: { listings: awsDemo, policy: awsDemoPolicy },
  createAdapter: async (config, options, policy): Promise<ProviderAdapter> => (await import('./adapter.js')).createAdapter(config, { ...options, criticalResources: policy.criticalResources }),
});
