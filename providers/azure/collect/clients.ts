import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ComputeManagementClient } from '@azure/arm-compute';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { MonitorClient } from '@azure/arm-monitor';
import { NetworkManagementClient } from '@azure/arm-network';
import { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { SecurityCenter } from '@azure/arm-security';
import { SqlManagementClient } from '@azure/arm-sql';
import { StorageManagementClient } from '@azure/arm-storage';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { ArmBudget } from './calls.js';
import type { AzureCloud } from './cloud.js';

/**
 * Builds the management clients with the cloud's host and token scope, our retry policy (none in
 * the SDK: `callAzure` retries and counts) and, in tests, the fake's certificate authority.
 * Clients are cheap but hold a pipeline each, so they are made once per subscription and service.
 */
export interface ClientSettings {
  readonly cloud: AzureCloud;
  readonly credential: TokenCredential;
  readonly budget: ArmBudget;
  /** PEM of an extra certificate authority (a test fake, a TLS-inspecting proxy). */
  readonly ca?: string;
}

export class AzureClients {
  private readonly cache = new Map<string, unknown>();

  constructor(readonly settings: ClientSettings) {}

  /** Options understood by the core-client generation (arm-authorization, -monitor, -network, -resources, -security, -sql, -recoveryservicesbackup). */
  private coreOptions(subscription: string) {
    const { cloud, ca, budget } = this.settings;
    return {
      endpoint: cloud.resourceManager,
      credentialScopes: [cloud.armScope],
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: budget.policy(subscription) as PipelinePolicy, position: 'perRetry' as const }],
      userAgentOptions: { userAgentPrefix: 'dutyscan' },
      ...(ca ? { tlsOptions: { ca } } : {}),
    };
  }

  /** Options of the newer rest-level generation (arm-compute 24, arm-storage 20, arm-keyvault 5). */
  private restOptions(subscription: string) {
    const { cloud, ca, budget } = this.settings;
    return {
      endpoint: cloud.resourceManager,
      credentials: { scopes: [cloud.armScope] },
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: budget.policy(subscription) as PipelinePolicy, position: 'perRetry' as const }],
      userAgentOptions: { userAgentPrefix: 'dutyscan' },
      ...(ca ? { tlsOptions: { ca } } : {}),
    };
  }

  private get<T>(key: string, make: () => T): T {
    let client = this.cache.get(key) as T | undefined;
    if (!client) this.cache.set(key, (client = make()));
    return client;
  }

  subscriptions(): SubscriptionClient {
    return this.get('subscriptions', () => new SubscriptionClient(this.settings.credential, this.coreOptions('tenant')));
  }
  resources(s: string): ResourceManagementClient {
    return this.get(`resources/${s}`, () => new ResourceManagementClient(this.settings.credential, s, this.coreOptions(s)));
  }
  authorization(s: string): AuthorizationManagementClient {
    return this.get(`authorization/${s}`, () => new AuthorizationManagementClient(this.settings.credential, s, this.coreOptions(s)));
  }
  monitor(s: string): MonitorClient {
    return this.get(`monitor/${s}`, () => new MonitorClient(this.settings.credential, s, this.coreOptions(s)));
  }
  security(s: string): SecurityCenter {
    return this.get(`security/${s}`, () => new SecurityCenter(this.settings.credential, s, this.coreOptions(s)));
  }
  network(s: string): NetworkManagementClient {
    return this.get(`network/${s}`, () => new NetworkManagementClient(this.settings.credential, s, this.coreOptions(s)));
  }
  sql(s: string): SqlManagementClient {
    return this.get(`sql/${s}`, () => new SqlManagementClient(this.settings.credential, s, this.coreOptions(s)));
  }
  backup(s: string): RecoveryServicesBackupClient {
    return this.get(`backup/${s}`, () => new RecoveryServicesBackupClient(this.settings.credential, s, this.coreOptions(s)));
  }
  storage(s: string): StorageManagementClient {
    return this.get(`storage/${s}`, () => new StorageManagementClient(this.settings.credential, s, this.restOptions(s)));
  }
  compute(s: string): ComputeManagementClient {
    return this.get(`compute/${s}`, () => new ComputeManagementClient(this.settings.credential, s, this.restOptions(s)));
  }
  keyVault(s: string): KeyVaultManagementClient {
    return this.get(`keyvault/${s}`, () => new KeyVaultManagementClient(this.settings.credential, s, this.restOptions(s)));
  }
}
