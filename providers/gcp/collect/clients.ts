import { AssetServiceClient } from '@google-cloud/asset';
import {
  DisksClient,
  FirewallsClient,
  InstancesClient,
  NetworksClient,
  ProjectsClient as ComputeProjectsClient,
  ResourcePoliciesClient,
  SnapshotsClient,
  SubnetworksClient,
} from '@google-cloud/compute';
import { KeyManagementServiceClient } from '@google-cloud/kms';
import { FoldersClient, OrganizationsClient, ProjectsClient } from '@google-cloud/resource-manager';
import { Storage } from '@google-cloud/storage';
import { admin, type admin_directory_v1 } from '@googleapis/admin';
import { iam, type iam_v1 } from '@googleapis/iam';
import { logging, type logging_v2 } from '@googleapis/logging';
import { sqladmin, type sqladmin_v1beta4 } from '@googleapis/sqladmin';
import type { GcpConfig } from '../config.js';
import { authClientFor, type CredentialSource } from './auth.js';

type Endpoints = GcpConfig['endpoints'];

/** gax options for REST over HTTP/1.1 (`fallback`), pointed at a configured endpoint when there is one. */
function gaxEndpoint(url: string | undefined): Record<string, unknown> {
  if (!url) return { fallback: true };
  const u = new URL(url);
  const protocol = u.protocol.replace(':', '');
  return { fallback: true, apiEndpoint: u.hostname, port: Number(u.port || (protocol === 'http' ? 80 : 443)), protocol };
}

const DIRECTORY_SCOPE = 'https://www.googleapis.com/auth/admin.directory.user.readonly';

/**
 * Every client the collectors use, built once per scan with the same credentials. All of them
 * speak REST JSON; their own retries are off because ours (with counting) replace them.
 */
export class GcpClients {
  private constructor(
    readonly projects: ProjectsClient,
    readonly folders: FoldersClient,
    readonly organizations: OrganizationsClient,
    readonly asset: AssetServiceClient,
    readonly firewalls: FirewallsClient,
    readonly instances: InstancesClient,
    readonly disks: DisksClient,
    readonly snapshots: SnapshotsClient,
    readonly resourcePolicies: ResourcePoliciesClient,
    readonly networks: NetworksClient,
    readonly subnetworks: SubnetworksClient,
    readonly computeProjects: ComputeProjectsClient,
    readonly kms: KeyManagementServiceClient,
    readonly storage: Storage,
    readonly iam: iam_v1.Iam,
    readonly sql: sqladmin_v1beta4.Sqladmin,
    readonly logging: logging_v2.Logging,
    private readonly directoryFactory: (() => Promise<admin_directory_v1.Admin>) | null,
  ) {}

  private directoryClient: Promise<admin_directory_v1.Admin> | undefined;

  /** The Admin SDK Directory client acting as the Workspace admin subject, when one is configured. */
  directory(): Promise<admin_directory_v1.Admin> | null {
    if (!this.directoryFactory) return null;
    return (this.directoryClient ??= this.directoryFactory());
  }

  static async create(config: GcpConfig, source: CredentialSource, timeoutMs: number): Promise<GcpClients> {
    const endpoints: Endpoints = config.endpoints;
    const gaxAuth = await authClientFor('gax', source);
    const apisAuth = await authClientFor('googleapis', source);
    const storageAuth = await authClientFor('storage', source);
    const gax = (url: string | undefined) => ({ ...gaxEndpoint(url), authClient: gaxAuth }) as never;
    // googleapis retries 429 about four times on its own, invisibly: off, ours count every attempt.
    const apis = (url: string | undefined) => ({ auth: apisAuth, retry: false, timeout: timeoutMs, ...(url ? { rootUrl: `${url}/` } : {}) }) as never;
    const workspace = config.workspace;
    return new GcpClients(
      new ProjectsClient(gax(endpoints.resourcemanager)),
      new FoldersClient(gax(endpoints.resourcemanager)),
      new OrganizationsClient(gax(endpoints.resourcemanager)),
      new AssetServiceClient(gax(endpoints.asset)),
      new FirewallsClient(gax(endpoints.compute)),
      new InstancesClient(gax(endpoints.compute)),
      new DisksClient(gax(endpoints.compute)),
      new SnapshotsClient(gax(endpoints.compute)),
      new ResourcePoliciesClient(gax(endpoints.compute)),
      new NetworksClient(gax(endpoints.compute)),
      new SubnetworksClient(gax(endpoints.compute)),
      new ComputeProjectsClient(gax(endpoints.compute)),
      new KeyManagementServiceClient(gax(endpoints.kms)),
      new Storage({
        authClient: storageAuth as never,
        retryOptions: { autoRetry: false, maxRetries: 0 },
        timeout: timeoutMs,
        ...(endpoints.storage ? { apiEndpoint: endpoints.storage, useAuthWithCustomEndpoint: true } : {}),
      }),
      iam({ version: 'v1', ...(apis(endpoints.iam) as object) }),
      sqladmin({ version: 'v1beta4', ...(apis(endpoints.sqladmin) as object) }),
      logging({ version: 'v2', ...(apis(endpoints.logging) as object) }),
      workspace
        ? async () => {
            const delegated: CredentialSource = source.accessToken !== undefined
              ? { accessToken: source.accessToken }
              : { subject: workspace.adminSubject, ...(workspace.credentialsFile ? { keyFile: workspace.credentialsFile } : {}) };
            const auth = await authClientFor('googleapis', delegated, [DIRECTORY_SCOPE]);
            return admin({ version: 'directory_v1', auth: auth as never, retry: false, timeout: timeoutMs, ...(endpoints.admin ? { rootUrl: `${endpoints.admin}/` } : {}) });
          }
        : null,
    );
  }

  async close(): Promise<void> {
    await Promise.allSettled(
      [this.projects, this.folders, this.organizations, this.asset, this.firewalls, this.instances, this.disks, this.snapshots,
        this.resourcePolicies, this.networks, this.subnetworks, this.computeProjects, this.kms].map((c) => c.close()),
    );
  }
}
