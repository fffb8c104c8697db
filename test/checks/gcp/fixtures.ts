import type { Listing } from '../../../src/core/inventory.js';
import { collectionError, seen, unseen, type Observed } from '../../../src/core/observed.js';
import type { ResourceType, ResourceTypes, Scope } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import type {} from '../../../providers/gcp/model/types.js';

export const PROJECT = 'acme-test';
export const SCOPE: Scope = { provider: 'gcp', account: PROJECT, region: 'global' };
export const ORG_SCOPE: Scope = { provider: 'gcp', account: 'organizations/123', region: 'global' };

export const denied = (operation: string) =>
  collectionError('ACCESS_DENIED', operation, 'Permission denied on resource project acme-test', { provider: 'gcp', account: PROJECT });

export const unknown = <T>(operation: string): Observed<T> => unseen(denied(operation));

type DataOf<T extends ResourceType> = ResourceTypes[T];

const DEFAULTS: { [T in ResourceType]?: DataOf<T> } = {};

/** One resource of `type` named `name`, with `data` over the type's compliant defaults. */
export function gcp<T extends ResourceType>(
  type: T,
  name: string,
  data: Partial<DataOf<T>> = {},
  extra: { region?: string; tags?: Record<string, string>; scope?: Scope } = {},
) {
  const scope = extra.scope ?? SCOPE;
  return resource(type, { provider: 'gcp', account: scope.account, region: extra.region ?? 'europe-west1' }, {
    id: `//${type}/projects/${scope.account}/${name}`,
    name,
    tags: extra.tags ?? {},
    data: { ...(DEFAULTS[type] as object), ...data } as DataOf<T>,
  });
}

export const list = <T extends ResourceType>(type: T, items: ReturnType<typeof gcp<T>>[], scope: Scope = SCOPE): Listing =>
  listing(scope, type, items) as Listing;

export const failed = (type: ResourceType, operation: string, scope: Scope = SCOPE): Listing =>
  failedListing(scope, type, denied(operation)) as Listing;

Object.assign(DEFAULTS, {
  'gcp.project': { projectId: PROJECT, projectNumber: '111', parent: 'folders/9', ancestry: [`projects/${PROJECT}`, 'folders/9', 'organizations/123'], state: 'ACTIVE', inheritedSinks: seen([]) },
  'gcp.project.iam-policy': { projectId: PROJECT, ancestry: [`projects/${PROJECT}`, 'organizations/123'], bindings: [], inheritedBindings: seen([]), auditConfigs: seen([]) },
  'gcp.iam.policy': { resource: `//cloudresourcemanager.googleapis.com/projects/${PROJECT}`, assetType: 'cloudresourcemanager.googleapis.com/Project', bindings: [] },
  'gcp.iam.service-account': { email: `app@${PROJECT}.iam.gserviceaccount.com`, uniqueId: '1', disabled: false, userManagedKeys: seen([]) },
  'gcp.compute.firewall': { network: 'vpc', direction: 'INGRESS', disabled: false, priority: 1000, sourceRanges: ['10.0.0.0/8'], allowed: [{ protocol: 'tcp', ports: ['22'] }], denied: [], targetTags: [], targetServiceAccounts: [], logging: true },
  'gcp.compute.instance': { zone: 'europe-west1-b', status: 'RUNNING', machineType: 'e2-small', networkInterfaces: [{ network: 'vpc', subnetwork: 'app', externalIps: [] }], serviceAccounts: [{ email: `app@${PROJECT}.iam.gserviceaccount.com`, scopes: ['https://www.googleapis.com/auth/cloud-platform'] }], metadata: {}, shieldedVm: { secureBoot: true, vtpm: true, integrityMonitoring: true }, diskNames: [] },
  'gcp.compute.disk': { location: 'europe-west1-b', sizeGb: 10, users: ['vm'], kmsKeyName: null, customerSuppliedKey: false, snapshotSchedules: ['daily'], latestSnapshot: null },
  'gcp.compute.project-metadata': { items: {} },
  'gcp.compute.network': { autoCreateSubnetworks: false, legacy: false, subnetworks: [] },
  'gcp.compute.subnetwork': { network: 'vpc', ipCidrRange: '10.0.0.0/24', purpose: 'PRIVATE', flowLogs: true },
  'gcp.storage.bucket': { location: 'EUROPE-WEST1', locationType: 'region', storageClass: 'STANDARD', uniformBucketLevelAccess: true, publicAccessPrevention: 'enforced', versioning: true, retentionPolicy: null, softDeleteSeconds: 604800, kmsKeyName: null, iamBindings: seen([]) },
  'gcp.sql.instance': { databaseVersion: 'POSTGRES_16', state: 'RUNNABLE', instanceType: 'CLOUD_SQL_INSTANCE', backupEnabled: true, pointInTimeRecovery: true, publicIp: false, authorizedNetworks: [], requireSsl: true, sslMode: 'ENCRYPTED_ONLY', privateNetwork: 'vpc', kmsKeyName: null, databaseFlags: {} },
  'gcp.kms.crypto-key': { keyRing: 'ring', purpose: 'ENCRYPT_DECRYPT', rotationPeriodSeconds: 90 * 86400, nextRotationTime: '2026-07-01T00:00:00Z', primaryState: 'ENABLED' },
  'gcp.logging.sink': { name: `projects/${PROJECT}/sinks/all`, destination: 'storage.googleapis.com/logs', filter: '', exclusions: [], disabled: false, includeChildren: false },
  'gcp.asset': { assetType: 'compute.googleapis.com/Instance', resourceType: 'gcp.compute.instance', location: 'europe-west1-b', labels: {}, labelable: true },
  'gcp.container.cluster': {
    location: 'europe-west1', autopilot: false, privateEndpoint: false, privateNodes: true, authorizedNetworks: ['10.0.0.0/8'], legacyAbac: false, workloadPool: `${PROJECT}.svc.id.goog`,
    secretsKmsKey: 'projects/k/locations/europe-west1/keyRings/r/cryptoKeys/gke', loggingService: 'logging.googleapis.com/kubernetes', monitoringService: 'monitoring.googleapis.com/kubernetes',
    shieldedNodes: true, clientCertificate: false, networkPolicy: true, releaseChannel: 'REGULAR',
    nodePools: [{ name: 'pool', autoUpgrade: true, autoRepair: true, secureBoot: true, serviceAccount: `nodes@${PROJECT}.iam.gserviceaccount.com` }],
  },
  'gcp.bigquery.dataset': { location: 'EU', defaultKmsKeyName: 'projects/k/locations/eu/keyRings/r/cryptoKeys/bq', access: [{ role: 'OWNER', member: 'user:owner@acme.example' }], iamBindings: seen([]) },
  'gcp.pubsub.topic': { kmsKeyName: 'projects/k/locations/europe-west1/keyRings/r/cryptoKeys/ps', iamBindings: seen([]) },
  'gcp.run.service': { ingress: 'internal', iamBindings: seen([]) },
  'gcp.functions.function': { generation: 1, ingressSettings: 'ALLOW_INTERNAL_ONLY', httpsSecurityLevel: 'SECURE_ALWAYS', httpTrigger: true, iamBindings: seen([]) },
  'gcp.apikeys.key': { displayName: 'maps', createTime: '2026-05-01T00:00:00Z', applicationRestriction: 'browser', apiTargets: ['maps.googleapis.com'] },
  'gcp.essentialcontacts.project': { own: [], inherited: seen([{ email: 'soc@acme.example', categories: ['SECURITY', 'TECHNICAL'], source: 'organizations/123' }]) },
  'gcp.workspace.directory': { customer: 'my_customer', adminSubject: 'admin@acme.example', users: [] },
});
