import type { CollectionError } from '../../src/core/observed.js';
import type { ApiCaller, CollectTask, DiscoverContext, DiscoveryResult, PortableTarget, Target, TaskContext } from '../../src/core/provider.js';
import { GLOBAL_REGION, type ResourceType } from '../../src/core/resource.js';
import type { AdapterOptions, CreateAdapter } from '../../src/core/descriptor.js';
import { AwsCaller } from './collect/caller.js';
import { partitionOf } from './partition.js';
import { BACKUP_TYPES, EC2_TYPES, IAM_TYPES, RDS_SNAPSHOT_TYPES, RDS_TYPES } from './resources.js';
import { AwsClients, type ClientSettings } from './collect/clients.js';
import { assumedRoleCredentials, discoverAws, memberRoleArn, type AwsSession, type RegionInfo } from './discover.js';
import { classifyAwsError } from './collect/errors.js';
import { AwsManagedPolicyDocuments } from './collect/managed-policies.js';
import type { AwsConfig } from './config.js';

const truthy = (value: string | undefined): boolean => value !== undefined && /^(1|true|yes)$/i.test(value.trim());

/** Client settings from the config section, the engine's options and the documented env vars. */
export function clientSettings(config: AwsConfig, options: Pick<AdapterOptions, 'callTimeoutMs'>): ClientSettings {
  return {
    ...(config.profile !== undefined ? { profile: config.profile } : {}),
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
    endpoints: config.endpoints,
    forcePathStyle: config.s3ForcePathStyle || truthy(process.env.DUTYSCAN_AWS_S3_FORCE_PATH_STYLE),
    maxAttempts: config.maxAttempts,
    retryMode: config.retryMode,
    callTimeoutMs: options.callTimeoutMs,
  };
}

/** What a worker needs to enter an account discovery entered: its regions, and whether through the member role. */
interface AwsPortable {
  readonly regions: readonly RegionInfo[];
  readonly assumed: boolean;
}

/** Test hooks (see CreateAdapter); a scan from the CLI uses none of them. */
export interface AwsHooks {
  /** How often the IAM credential report is polled while AWS generates it; tests shorten it. */
  readonly credentialReportPollMs?: number;
}

/**
 * The AWS adapter: discovery (caller or organisation, enabled regions), and per account one task
 * per global service and one per (service, region). Each task lists only the types asked for.
 * A task imports its collector when it runs, and with it the service's SDK package: a scan loads
 * the SDKs of the services its checks read, and a `--workers` parent only those of discovery.
 */
export const createAdapter: CreateAdapter<AwsConfig, AwsHooks> = async (config, options, hooks = {}) => {
  const settings = clientSettings(config, options);
  const base = new AwsClients(settings);
  const home = config.defaultRegion;
  // AWS managed policies are the same in every account: each version is read once per adapter.
  const awsManagedDocuments = new AwsManagedPolicyDocuments();

  return {
    id: 'aws',

    async discover(ctx: DiscoverContext): Promise<DiscoveryResult> {
      const result = await discoverAws(ctx, { config, settings, base });
      options.log.info({
        mode: result.mode,
        accounts: result.targets.length,
        regions: [...new Set(result.targets.flatMap((t) => t.regions))].length,
        failures: result.failures.map((f) => ({ account: f.scope.account, region: f.scope.region, code: f.error.code, operation: f.error.operation })),
      }, 'aws discovery');
      return result;
    },

    tasks(target: Target, types: ReadonlySet<ResourceType>): readonly CollectTask[] {
      const session = target.session as AwsSession | undefined;
      if (!session) throw new Error(`AWS target ${target.account} has no session: it did not come from this adapter's discover()`);
      const callerFor = (ctx: TaskContext) =>
        new AwsCaller(ctx.api, session.caller.clients, target.account, target.accountName);
      const pick = (list: readonly ResourceType[]) => list.filter((t) => types.has(t));
      const tasks: CollectTask[] = [];
      // A member account's clients are freed when its last task ends, so memory follows the
      // accounts in flight, not the size of the organisation.
      let unfinished = 0;
      const release = () => {
        if (--unfinished === 0 && session.caller.clients !== base) session.caller.clients.destroy();
      };
      const add = (service: string, region: string, taskTypes: readonly ResourceType[], run: CollectTask['run']) => {
        if (taskTypes.length === 0) return;
        unfinished++;
        tasks.push({
          service, region, types: taskTypes,
          run: async (ctx) => {
            try {
              return await run(ctx);
            } finally {
              release();
            }
          },
        });
      };

      const iamTypes = pick(IAM_TYPES);
      add('iam', GLOBAL_REGION, iamTypes, async (ctx) => (await import('./collect/iam.js')).collectIam(callerFor(ctx), new Set(iamTypes), {
        homeRegion: home,
        credentialReportWaitMs: config.credentialReportWaitMs,
        awsManagedDocuments,
        ...(hooks.credentialReportPollMs !== undefined ? { credentialReportPollMs: hooks.credentialReportPollMs } : {}),
      }, ctx.signal));
      add('s3control', GLOBAL_REGION, pick(['aws.s3.account-public-access-block']),
        async (ctx) => [await (await import('./collect/s3.js')).collectS3AccountPublicAccessBlock(callerFor(ctx), home)]);
      add('account', GLOBAL_REGION, pick(['aws.account.security-contact']),
        async (ctx) => [await (await import('./collect/account.js')).collectSecurityContact(callerFor(ctx), home)]);

      // S3 first: its per-bucket reads are the long pole of most accounts, so they start while
      // the cheaper bulk listings fill the remaining slots.
      for (const region of session.regions) {
        add('s3', region.name, pick(['aws.s3.bucket']), async (ctx) => [await (await import('./collect/s3.js')).collectS3Buckets(callerFor(ctx), region.name, options.criticalResources)]);
      }
      for (const region of session.regions) {
        const r = region.name;
        const ec2Types = pick(EC2_TYPES);
        add('ec2', r, ec2Types, async (ctx) => (await import('./collect/ec2.js')).collectEc2(callerFor(ctx), r, new Set(ec2Types)));
        const rdsTypes = pick(RDS_TYPES);
        add('rds', r, rdsTypes, async (ctx) => (await import('./collect/rds.js')).collectRds(callerFor(ctx), r, new Set(rdsTypes)));
        add('cloudtrail', r, pick(['aws.cloudtrail.trail']), async (ctx) => [await (await import('./collect/cloudtrail.js')).collectCloudTrail(callerFor(ctx), r, session.shared)]);
        add('kms', r, pick(['aws.kms.key']), async (ctx) => [await (await import('./collect/kms.js')).collectKms(callerFor(ctx), r)]);
        const backupTypes = pick(BACKUP_TYPES);
        add('backup', r, backupTypes, async (ctx) => (await import('./collect/backup.js')).collectBackup(callerFor(ctx), r, new Set(backupTypes)));
        add('account', r, pick(['aws.account.region']), async (ctx) => [(await import('./collect/account.js')).regionListing(callerFor(ctx), region)]);
        add('guardduty', r, pick(['aws.guardduty.detector']), async (ctx) => [await (await import('./collect/guardduty.js')).collectGuardDuty(callerFor(ctx), r)]);
        add('access-analyzer', r, pick(['aws.accessanalyzer.analyzer']), async (ctx) => [await (await import('./collect/accessanalyzer.js')).collectAccessAnalyzer(callerFor(ctx), r)]);
        add('config', r, pick(['aws.config.recorder']), async (ctx) => [await (await import('./collect/config.js')).collectConfig(callerFor(ctx), r)]);
        add('elasticfilesystem', r, pick(['aws.efs.file-system']), async (ctx) => [await (await import('./collect/efs.js')).collectEfs(callerFor(ctx), r)]);
        add('logs', r, pick(['aws.logs.log-group']), async (ctx) => [await (await import('./collect/logs.js')).collectLogs(callerFor(ctx), r)]);
        // Data services (issue 13, aws-data)
        const snapshotTypes = pick(RDS_SNAPSHOT_TYPES);
        add('rds', r, snapshotTypes, async (ctx) => (await import('./collect/rds-snapshots.js')).collectRdsSnapshots(callerFor(ctx), r, new Set(snapshotTypes)));
        add('dynamodb', r, pick(['aws.dynamodb.table']), async (ctx) => [await (await import('./collect/dynamodb.js')).collectDynamoDb(callerFor(ctx), r)]);
        add('elasticache', r, pick(['aws.elasticache.replication-group']), async (ctx) => [await (await import('./collect/elasticache.js')).collectElastiCache(callerFor(ctx), r)]);
        add('memorydb', r, pick(['aws.memorydb.cluster']), async (ctx) => [await (await import('./collect/memorydb.js')).collectMemoryDb(callerFor(ctx), r)]);
        add('redshift', r, pick(['aws.redshift.cluster']), async (ctx) => [await (await import('./collect/redshift.js')).collectRedshift(callerFor(ctx), r)]);
        add('es', r, pick(['aws.opensearch.domain']), async (ctx) => [await (await import('./collect/opensearch.js')).collectOpenSearch(callerFor(ctx), r)]);
        add('fsx', r, pick(['aws.fsx.file-system']), async (ctx) => [await (await import('./collect/fsx.js')).collectFsx(callerFor(ctx), r)]);
        // aws-edge (issue 13)
        add('sqs', r, pick(['aws.sqs.queue']), async (ctx) => [await (await import('./collect/sqs.js')).collectSqs(callerFor(ctx), r)]);
        add('sns', r, pick(['aws.sns.topic']), async (ctx) => [await (await import('./collect/sns.js')).collectSns(callerFor(ctx), r)]);
        add('secretsmanager', r, pick(['aws.secretsmanager.secret']), async (ctx) => [await (await import('./collect/secretsmanager.js')).collectSecrets(callerFor(ctx), r)]);
        add('ecr', r, pick(['aws.ecr.repository']), async (ctx) => [await (await import('./collect/ecr.js')).collectEcr(callerFor(ctx), r)]);
        add('eks', r, pick(['aws.eks.cluster']), async (ctx) => [await (await import('./collect/eks.js')).collectEks(callerFor(ctx), r)]);
        add('elasticloadbalancing', r, pick(['aws.elbv2.load-balancer']), async (ctx) => [await (await import('./collect/elbv2.js')).collectElbv2(callerFor(ctx), r)]);
        add('lambda', r, pick(['aws.lambda.function']), async (ctx) => [await (await import('./collect/lambda.js')).collectLambda(callerFor(ctx), r)]);
        add('ec2', r, pick(['aws.ec2.image']), async (ctx) => [await (await import('./collect/ami.js')).collectImages(callerFor(ctx), r)]);
      }

      // Required tags in bulk (every taggable type), and the organisation's tag policy.
      add('organizations', GLOBAL_REGION, pick(['aws.organizations.tag-policy']), async (ctx) => [await (await import('./collect/tagging.js')).collectEffectiveTagPolicy(callerFor(ctx), home)]);
      for (const region of session.regions) {
        add('tagging', region.name, pick(['aws.tagging.resource']), async (ctx) => [await (await import('./collect/tagging.js')).collectTaggedResources(callerFor(ctx), region.name)]);
      }
      return tasks;
    },

    portable(target: Target): PortableTarget {
      const { session, ...rest } = target;
      const { regions, caller } = session as AwsSession;
      const state: AwsPortable = { regions, assumed: caller.clients !== base };
      return { ...rest, state };
    },

    resume(target: PortableTarget, api: ApiCaller): Target {
      const { state, ...rest } = target;
      const { regions, assumed } = state as AwsPortable;
      const org = config.organization;
      // The role is assumed again here rather than its credentials sent between processes.
      const clients = assumed
        ? new AwsClients(settings, assumedRoleCredentials(api, base, home, {
          // Discovery kept only the regions of the caller's partition: the member role is in that one too.
          roleArn: memberRoleArn(partitionOf(regions[0]?.name ?? home), target.account, org.roleName), durationSeconds: org.sessionDurationSeconds,
          ...(org.externalId !== undefined ? { externalId: org.externalId } : {}),
        }))
        : base;
      const session: AwsSession = { caller: new AwsCaller(api, clients, target.account, target.accountName), regions, shared: new Map() };
      return { ...rest, session };
    },

    classifyError(error: unknown, operation: string): CollectionError {
      const [service, op] = operation.includes(':') ? (operation.split(':', 2) as [string, string]) : ['aws', operation];
      return classifyAwsError(error, service, op);
    },
  };
};
