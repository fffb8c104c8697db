import type { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import type { AccountClient } from '@aws-sdk/client-account';
import type { BackupClient } from '@aws-sdk/client-backup';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { EFSClient } from '@aws-sdk/client-efs';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { STSClient } from '@aws-sdk/client-sts';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import type { FSxClient } from '@aws-sdk/client-fsx';
import type { MemoryDBClient } from '@aws-sdk/client-memorydb';
import type { OpenSearchClient } from '@aws-sdk/client-opensearch';
import type { RedshiftClient } from '@aws-sdk/client-redshift';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent as HttpAgent } from 'node:http';
import { createRequire } from 'node:module';
import { Agent as HttpsAgent } from 'node:https';
import type { ApiCaller, ApiOperation } from '../../../src/core/provider.js';
import { withinBudget } from '../../../src/net/budget.js';
import { attemptFailure } from './errors.js';

const require = createRequire(import.meta.url);

/**
 * A client class from its SDK package, loaded on first use: a scan loads the SDKs of the services
 * it reads and no others (a `--workers` parent only those of discovery). The collectors import the
 * same package for their commands; Node's module cache hands both the one copy.
 */
const sdk = <C>(pkg: string, name: string) => (): C => (require(pkg) as Record<string, C>)[name]!;

/** Keyed by the id we call each client by: the service's IAM action prefix (and SigV4 signing name). */
const CLIENTS = {
  'access-analyzer': sdk<typeof AccessAnalyzerClient>('@aws-sdk/client-accessanalyzer', 'AccessAnalyzerClient'),
  account: sdk<typeof AccountClient>('@aws-sdk/client-account', 'AccountClient'),
  backup: sdk<typeof BackupClient>('@aws-sdk/client-backup', 'BackupClient'),
  cloudtrail: sdk<typeof CloudTrailClient>('@aws-sdk/client-cloudtrail', 'CloudTrailClient'),
  config: sdk<typeof ConfigServiceClient>('@aws-sdk/client-config-service', 'ConfigServiceClient'),
  ec2: sdk<typeof EC2Client>('@aws-sdk/client-ec2', 'EC2Client'),
  elasticfilesystem: sdk<typeof EFSClient>('@aws-sdk/client-efs', 'EFSClient'),
  guardduty: sdk<typeof GuardDutyClient>('@aws-sdk/client-guardduty', 'GuardDutyClient'),
  iam: sdk<typeof IAMClient>('@aws-sdk/client-iam', 'IAMClient'),
  kms: sdk<typeof KMSClient>('@aws-sdk/client-kms', 'KMSClient'),
  logs: sdk<typeof CloudWatchLogsClient>('@aws-sdk/client-cloudwatch-logs', 'CloudWatchLogsClient'),
  organizations: sdk<typeof OrganizationsClient>('@aws-sdk/client-organizations', 'OrganizationsClient'),
  rds: sdk<typeof RDSClient>('@aws-sdk/client-rds', 'RDSClient'),
  s3: sdk<typeof S3Client>('@aws-sdk/client-s3', 'S3Client'),
  s3control: sdk<typeof S3ControlClient>('@aws-sdk/client-s3-control', 'S3ControlClient'),
  sts: sdk<typeof STSClient>('@aws-sdk/client-sts', 'STSClient'),
  // OpenSearch's IAM prefix and signing name are `es`.
  dynamodb: sdk<typeof DynamoDBClient>('@aws-sdk/client-dynamodb', 'DynamoDBClient'),
  elasticache: sdk<typeof ElastiCacheClient>('@aws-sdk/client-elasticache', 'ElastiCacheClient'),
  es: sdk<typeof OpenSearchClient>('@aws-sdk/client-opensearch', 'OpenSearchClient'),
  fsx: sdk<typeof FSxClient>('@aws-sdk/client-fsx', 'FSxClient'),
  memorydb: sdk<typeof MemoryDBClient>('@aws-sdk/client-memorydb', 'MemoryDBClient'),
  redshift: sdk<typeof RedshiftClient>('@aws-sdk/client-redshift', 'RedshiftClient'),
  ecr: sdk<typeof ECRClient>('@aws-sdk/client-ecr', 'ECRClient'),
  eks: sdk<typeof EKSClient>('@aws-sdk/client-eks', 'EKSClient'),
  elasticloadbalancing: sdk<typeof ElasticLoadBalancingV2Client>('@aws-sdk/client-elastic-load-balancing-v2', 'ElasticLoadBalancingV2Client'),
  lambda: sdk<typeof LambdaClient>('@aws-sdk/client-lambda', 'LambdaClient'),
  secretsmanager: sdk<typeof SecretsManagerClient>('@aws-sdk/client-secrets-manager', 'SecretsManagerClient'),
  sns: sdk<typeof SNSClient>('@aws-sdk/client-sns', 'SNSClient'),
  sqs: sdk<typeof SQSClient>('@aws-sdk/client-sqs', 'SQSClient'),
  // The Tagging API signs as `tagging`; its IAM actions are `tag:*`.
  tagging: sdk<typeof ResourceGroupsTaggingAPIClient>('@aws-sdk/client-resource-groups-tagging-api', 'ResourceGroupsTaggingAPIClient'),
} as const;

export type AwsService = keyof typeof CLIENTS;
export type AwsClientFor<S extends AwsService> = InstanceType<ReturnType<(typeof CLIENTS)[S]>>;

/** What every client of a scan shares: endpoints, retries, timeouts. Credentials are per account. */
export interface ClientSettings {
  readonly profile?: string;
  /** One endpoint for every service (config `endpoint`); AWS_ENDPOINT_URL is left to the SDK. */
  readonly endpoint?: string;
  /** Per-service endpoints (config `endpoints`); AWS_ENDPOINT_URL_<SERVICE> is left to the SDK. */
  readonly endpoints: Readonly<Record<string, string>>;
  readonly forcePathStyle: boolean;
  readonly maxAttempts: number;
  readonly retryMode: 'adaptive' | 'standard';
  /** A real per-call timeout, retries included (the handler alone would only warn; see field notes). */
  readonly callTimeoutMs: number;
}

/**
 * S3 Control's endpoint rules put the account id in front of the host (`<account>.<host>`), which
 * no emulator or fake resolves; with an override (ours or the standard env vars) we send to the
 * URL as given.
 */
function s3ControlOverride(settings: ClientSettings): string | undefined {
  return settings.endpoints.s3control ?? settings.endpoint ??
    process.env.AWS_ENDPOINT_URL_S3_CONTROL ?? process.env.AWS_ENDPOINT_URL;
}

function s3ControlEndpoint(settings: ClientSettings): { endpointProvider?: () => { url: URL } } {
  const override = s3ControlOverride(settings);
  return override ? { endpointProvider: () => ({ url: new URL(override) }) } : {};
}

/** Each client's budget for one call, retries included (the handler's timeout is per attempt). */
const CALL_TIMEOUT_MS = new WeakMap<object, number>();

/**
 * The SDK clients of one identity (the caller, or a role assumed in a member account), one per
 * (service, region), created on first use and shared by every task of that account.
 */
export class AwsClients {
  private readonly clients = new Map<string, object>();
  private handler: NodeHttpHandler | undefined;

  constructor(
    private readonly settings: ClientSettings,
    /** Absent: the SDK default chain (env, profile, SSO, web identity, IMDS/ECS). */
    private readonly credentials?: AwsCredentialIdentityProvider,
  ) {}

  /** One HTTP handler (keep-alive sockets) shared by this identity's clients. */
  private httpHandler(): NodeHttpHandler {
    if (!this.handler) {
      const agentOptions = { keepAlive: true, maxSockets: 64 };
      this.handler = new NodeHttpHandler({
        requestTimeout: this.settings.callTimeoutMs,
        connectionTimeout: Math.min(this.settings.callTimeoutMs, 10_000),
        throwOnRequestTimeout: true,
        httpAgent: new HttpAgent(agentOptions),
        httpsAgent: new HttpsAgent(agentOptions),
      });
    }
    return this.handler;
  }

  get<S extends AwsService>(service: S, region: string): AwsClientFor<S> {
    const key = `${service}/${region}`;
    let client = this.clients.get(key);
    if (!client) {
      const endpoint = this.settings.endpoints[service] ?? this.settings.endpoint;
      const config = {
        region,
        maxAttempts: this.settings.maxAttempts,
        retryMode: this.settings.retryMode,
        requestHandler: this.httpHandler(),
        ...(this.credentials ? { credentials: this.credentials } : this.settings.profile ? { profile: this.settings.profile } : {}),
        // Left out when not configured, so the SDK's own AWS_ENDPOINT_URL[_<SERVICE>] handling applies.
        ...(endpoint ? { endpoint } : {}),
        ...(service === 's3' ? { forcePathStyle: this.settings.forcePathStyle } : {}),
        ...(service === 's3control' ? s3ControlEndpoint(this.settings) : {}),
      };
      const Ctor = CLIENTS[service]() as unknown as new (config: object) => object;
      this.clients.set(key, (client = new Ctor(config)));
      CALL_TIMEOUT_MS.set(client, this.settings.callTimeoutMs);
    }
    return client as AwsClientFor<S>;
  }

  /** Free the clients and sockets; later `get` calls build new ones. */
  destroy(): void {
    for (const client of this.clients.values()) (client as { destroy(): void }).destroy();
    this.clients.clear();
    this.handler?.destroy();
    this.handler = undefined;
  }
}

/** Where a call goes: the client id as service, and the scope it counts against. */
export interface CallScope {
  /** Absent for calls made before the account is known, or on behalf of no account (STS). */
  readonly account?: string;
  readonly region: string;
}

interface SendableCommand {
  readonly middlewareStack: {
    addRelativeTo(
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { relation: 'before' | 'after'; toMiddleware: string; name: string; override?: boolean },
    ): void;
  };
}

interface SendingClient {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

export function operationName(command: object): string {
  return command.constructor.name.replace(/Command$/, '');
}

/**
 * Send one command through the ApiCaller (rate limit, per-account cap, counting, cancellation),
 * within the call budget (`timeouts.callMs`, retries included). The SDK retries inside; a
 * middleware placed inside the retry loop sees every failed attempt, so each retry is reported
 * to `api.retried` with the error that caused it.
 */
export async function send<Output>(
  api: ApiCaller,
  service: AwsService,
  client: object,
  command: object,
  scope: CallScope,
): Promise<Output> {
  const op: ApiOperation = {
    service,
    operation: operationName(command),
    region: scope.region,
    ...(scope.account !== undefined ? { account: scope.account } : {}),
  };
  const failedAttempts: string[] = [];
  (command as SendableCommand).middlewareStack.addRelativeTo(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        failedAttempts.push(attemptFailure(e));
        throw e;
      }
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'dutyscanAttemptObserver', override: true },
  );
  let succeeded = false;
  try {
    const budget = CALL_TIMEOUT_MS.get(client);
    const output = (await api.call(op, (signal) =>
      withinBudget(signal, budget, (abortSignal) => (client as SendingClient).send(command as never, { abortSignal })))) as Output;
    succeeded = true;
    return output;
  } finally {
    // The last failure of a failed call is the failure itself, not a retry.
    const retries = succeeded ? failedAttempts : failedAttempts.slice(0, -1);
    for (const reason of retries) api.retried(op, reason);
  }
}

/**
 * A view of `client` whose `send` goes through the ApiCaller, for the SDK's paginateX functions:
 * every page is one counted, rate-limited call. `Object.create` keeps `instanceof` true, which
 * the paginators check.
 */
export function viaApi<C extends object>(api: ApiCaller, service: AwsService, client: C, scope: CallScope): C {
  return Object.create(client, {
    send: { value: (command: object) => send(api, service, client, command, scope) },
  }) as C;
}

/** Credentials as the SDK takes them; `expiration` lets it (and us) refresh before they lapse. */
export interface AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}
export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;
