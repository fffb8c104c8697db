import type { Listing } from '../../src/core/inventory.js';
import { collectionError, seen, unseen } from '../../src/core/observed.js';
import type { Policy } from '../../src/core/policy.js';
import { GLOBAL_REGION, type Resource, type ResourceType, type Scope } from '../../src/core/resource.js';
import { listing, resource } from '../../src/inventory/build.js';
import type { GcpAsset, GcpIamBinding, GcpInstance, GcpLogSink } from './model/types.js';

/**
 * The demo organisation's GCP side: one project, acme-analytics-prod, in europe-west1 with a few
 * resources strayed to us-central1, compliant and non-compliant for every duty, the organisation's
 * own IAM policy and its Workspace directory, and one fact GCP refused to give (the keys of the
 * etl-loader service account) so that ERROR shows as in a real scan.
 * Labels, residency and critical-data checks need `gcpDemoPolicy` in the configuration.
 */
export const gcpDemoPolicy: Policy = {
  requiredTags: [
    { key: 'owner', resourceTypes: ['gcp.*'] },
    { key: 'data-classification', pattern: 'public|internal|confidential|restricted', resourceTypes: ['gcp.storage.*', 'gcp.sql.*', 'gcp.compute.disk'] },
  ],
  allowedRegions: { gcp: ['europe-west1', 'europe-west4', 'EU'] },
  criticalResources: ['acme-analytics-*-records', 'analytics-warehouse'],
};

const PROJECT = 'acme-analytics-prod';
const PROJECT_NUMBER = '482913307455';
const ORG = 'organizations/4242';
const DAY = 86_400_000;
const FULL_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_SA = `${PROJECT_NUMBER}-compute@developer.gserviceaccount.com`;

const bind = (role: string, members: string[], source = `projects/${PROJECT}`): GcpIamBinding => ({ role, members, condition: null, source });

export function gcpDemo(now: Date): Listing[] {
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const scope: Scope = { provider: 'gcp', account: PROJECT, accountName: 'Acme analytics (production)', region: GLOBAL_REGION };
  const orgScope: Scope = { provider: 'gcp', account: ORG, accountName: 'organisation 4242', region: GLOBAL_REGION };
  const where = (region: string) => ({ provider: 'gcp' as const, account: PROJECT, region });
  const byType = new Map<ResourceType, Resource[]>();
  const assets: Resource<'gcp.asset'>[] = [];
  function add<T extends ResourceType>(type: T, region: string, id: string, name: string, data: Resource<T>['data'], labels: Record<string, string> = {}, asset?: { assetType: string; location: string; labelable?: boolean }) {
    const r = resource(type, where(region), { id, name, tags: labels, data });
    byType.set(type, [...(byType.get(type) ?? []), r as Resource]);
    if (asset) {
      const data: GcpAsset = { assetType: asset.assetType, resourceType: type, location: asset.location, labels, labelable: asset.labelable ?? true };
      assets.push(resource('gcp.asset', where(region), { id, name, tags: labels, data }));
    }
  }
  const cr = `//cloudresourcemanager.googleapis.com/projects/${PROJECT}`;
  const ce = `//compute.googleapis.com/projects/${PROJECT}`;
  const orgSink: GcpLogSink = { name: `${ORG}/sinks/org-audit`, destination: 'storage.googleapis.com/acme-org-audit', filter: 'logName:"cloudaudit.googleapis.com"', exclusions: [], disabled: false, includeChildren: true };

  // Project, its effective IAM policy and audit configuration (DATA_READ missing).
  add('gcp.project', GLOBAL_REGION, cr, PROJECT, {
    projectId: PROJECT, projectNumber: PROJECT_NUMBER, parent: 'folders/77', ancestry: [`projects/${PROJECT}`, 'folders/77', ORG], state: 'ACTIVE', inheritedSinks: seen([orgSink]),
  });
  const projectBindings = [
    bind('roles/owner', ['user:cto@acme.example', 'serviceAccount:terraform@acme-analytics-prod.iam.gserviceaccount.com']),
    bind('roles/editor', ['group:analytics-devs@acme.example']),
    bind('roles/iam.serviceAccountAdmin', ['user:platform@acme.example']),
    bind('roles/iam.serviceAccountUser', ['user:platform@acme.example']),
    bind('roles/bigquery.dataViewer', ['group:analysts@acme.example']),
  ];
  add('gcp.project.iam-policy', GLOBAL_REGION, `${cr}/iamPolicy`, PROJECT, {
    projectId: PROJECT,
    ancestry: [`projects/${PROJECT}`, 'folders/77', ORG],
    bindings: projectBindings,
    inheritedBindings: seen([bind('roles/viewer', ['group:security@acme.example'], ORG)]),
    auditConfigs: seen([{ service: 'allServices', source: ORG, auditLogConfigs: [{ logType: 'ADMIN_READ', exemptedMembers: [] }, { logType: 'DATA_WRITE', exemptedMembers: [] }] }]),
  });
  add('gcp.iam.policy', GLOBAL_REGION, `${cr}#iamPolicy`, PROJECT, { resource: cr, assetType: 'cloudresourcemanager.googleapis.com/Project', bindings: projectBindings });
  add('gcp.iam.policy', GLOBAL_REGION, '//storage.googleapis.com/acme-analytics-public-share#iamPolicy', 'acme-analytics-public-share', {
    resource: '//storage.googleapis.com/acme-analytics-public-share', assetType: 'storage.googleapis.com/Bucket', bindings: [bind('roles/storage.objectViewer', ['allUsers'], '//storage.googleapis.com/acme-analytics-public-share')],
  });

  // Service accounts: no keys, a stale key, a fresh key, and one whose keys could not be listed.
  const sa = (name: string, keys: Resource<'gcp.iam.service-account'>['data']['userManagedKeys']) =>
    add('gcp.iam.service-account', GLOBAL_REGION, `//iam.googleapis.com/projects/${PROJECT}/serviceAccounts/${name}`, `${name}@${PROJECT}.iam.gserviceaccount.com`, {
      email: `${name}@${PROJECT}.iam.gserviceaccount.com`, uniqueId: `1099${name.length}`, disabled: false, userManagedKeys: keys,
    });
  const key = (name: string, days: number) => ({ name: `projects/${PROJECT}/serviceAccounts/${name}/keys/${days}d`, keyType: 'USER_MANAGED', validAfterTime: ago(days), validBeforeTime: null, disabled: false });
  sa('dataflow-runner', seen([]));
  sa('looker-export', seen([key('looker-export', 412)]));
  sa('ci-deployer', seen([key('ci-deployer', 21)]));
  sa('etl-loader', unseen(collectionError('ACCESS_DENIED', 'iam.serviceAccountKeys.list', "Permission 'iam.serviceAccountKeys.list' denied on resource (or it may not exist).", { provider: 'gcp', account: PROJECT })));

  // Network: the default network still there, a custom VPC, flow logs on one subnet of two.
  add('gcp.compute.network', GLOBAL_REGION, `${ce}/global/networks/default`, 'default', { autoCreateSubnetworks: true, legacy: false, subnetworks: [] }, {}, { assetType: 'compute.googleapis.com/Network', location: 'global', labelable: false });
  add('gcp.compute.network', GLOBAL_REGION, `${ce}/global/networks/analytics-vpc`, 'analytics-vpc', { autoCreateSubnetworks: false, legacy: false, subnetworks: ['pipelines', 'sandbox'] }, {}, { assetType: 'compute.googleapis.com/Network', location: 'global', labelable: false });
  add('gcp.compute.subnetwork', 'europe-west1', `${ce}/regions/europe-west1/subnetworks/pipelines`, 'pipelines', { network: 'analytics-vpc', ipCidrRange: '10.20.0.0/20', purpose: 'PRIVATE', flowLogs: true }, {}, { assetType: 'compute.googleapis.com/Subnetwork', location: 'europe-west1', labelable: false });
  add('gcp.compute.subnetwork', 'us-central1', `${ce}/regions/us-central1/subnetworks/sandbox`, 'sandbox', { network: 'analytics-vpc', ipCidrRange: '10.30.0.0/20', purpose: 'PRIVATE', flowLogs: false }, {}, { assetType: 'compute.googleapis.com/Subnetwork', location: 'us-central1', labelable: false });
  const fw = (name: string, network: string, sourceRanges: string[], allowed: { protocol: string; ports: string[] }[]) =>
    add('gcp.compute.firewall', GLOBAL_REGION, `${ce}/global/firewalls/${name}`, name, { network, direction: 'INGRESS', disabled: false, priority: 1000, sourceRanges, allowed, denied: [], targetTags: [], targetServiceAccounts: [], logging: network !== 'default' }, {}, { assetType: 'compute.googleapis.com/Firewall', location: 'global', labelable: false });
  fw('default-allow-ssh', 'default', ['0.0.0.0/0'], [{ protocol: 'tcp', ports: ['22'] }]);
  fw('default-allow-rdp', 'default', ['0.0.0.0/0'], [{ protocol: 'tcp', ports: ['3389'] }]);
  fw('allow-iap-ssh', 'analytics-vpc', ['35.235.240.0/20'], [{ protocol: 'tcp', ports: ['22'] }]);
  fw('allow-https-lb', 'analytics-vpc', ['130.211.0.0/22', '35.191.0.0/16'], [{ protocol: 'tcp', ports: ['443'] }]);

  // VMs: a hardened worker, a legacy notebook with every bad habit; the project sets no OS Login.
  add('gcp.compute.project-metadata', GLOBAL_REGION, `${ce}/commonInstanceMetadata`, PROJECT, { items: { 'block-project-ssh-keys': 'false' } });
  const vm = (name: string, zone: string, data: Partial<GcpInstance>, labels: Record<string, string>) =>
    add('gcp.compute.instance', zone.slice(0, -2), `${ce}/zones/${zone}/instances/${name}`, name, {
      zone, status: 'RUNNING', machineType: 'e2-standard-4', networkInterfaces: [{ network: 'analytics-vpc', subnetwork: 'pipelines', externalIps: [] }],
      serviceAccounts: [{ email: `dataflow-runner@${PROJECT}.iam.gserviceaccount.com`, scopes: [FULL_SCOPE] }], metadata: { 'enable-oslogin': 'TRUE' },
      shieldedVm: { secureBoot: true, vtpm: true, integrityMonitoring: true }, diskNames: [name], ...data,
    }, labels, { assetType: 'compute.googleapis.com/Instance', location: zone });
  vm('etl-worker-1', 'europe-west1-b', {}, { owner: 'data-platform' });
  vm('legacy-notebook', 'us-central1-a', {
    networkInterfaces: [{ network: 'default', subnetwork: 'default', externalIps: ['34.67.12.9'] }],
    serviceAccounts: [{ email: DEFAULT_SA, scopes: [FULL_SCOPE] }], metadata: { 'serial-port-enable': 'true' }, shieldedVm: null,
  }, {});
  const disk = (name: string, zone: string, schedules: string[], labels: Record<string, string>, kms: string | null = null) =>
    add('gcp.compute.disk', zone.slice(0, -2), `${ce}/zones/${zone}/disks/${name}`, name, {
      location: zone, sizeGb: 200, users: [name], kmsKeyName: kms, customerSuppliedKey: false, snapshotSchedules: schedules, latestSnapshot: schedules.length > 0 ? ago(1) : ago(190),
    }, labels, { assetType: 'compute.googleapis.com/Disk', location: zone });
  disk('etl-worker-1', 'europe-west1-b', ['daily-7d'], { owner: 'data-platform', 'data-classification': 'confidential' }, `projects/${PROJECT}/locations/europe-west1/keyRings/analytics/cryptoKeys/disks`);
  disk('legacy-notebook', 'us-central1-a', [], {});

  // Buckets: curated records (critical, versioned, private), a public share, an unversioned critical export.
  const bucket = (name: string, location: string, data: Partial<Resource<'gcp.storage.bucket'>['data']>, labels: Record<string, string>) =>
    add('gcp.storage.bucket', location.toLowerCase(), `//storage.googleapis.com/${name}`, name, {
      location, locationType: 'region', storageClass: 'STANDARD', uniformBucketLevelAccess: true, publicAccessPrevention: 'enforced', versioning: true,
      retentionPolicy: null, softDeleteSeconds: 604_800, kmsKeyName: null, iamBindings: seen([bind('roles/storage.objectViewer', ['group:analysts@acme.example'], `//storage.googleapis.com/${name}`)]), ...data,
    }, labels, { assetType: 'storage.googleapis.com/Bucket', location });
  bucket('acme-analytics-prod-records', 'EUROPE-WEST1', {}, { owner: 'data-platform', 'data-classification': 'restricted' });
  bucket('acme-analytics-public-share', 'US', {
    uniformBucketLevelAccess: false, publicAccessPrevention: 'inherited', versioning: false,
    iamBindings: seen([bind('roles/storage.objectViewer', ['allUsers'], '//storage.googleapis.com/acme-analytics-public-share')]),
  }, { owner: 'marketing', 'data-classification': 'public' });
  bucket('analytics-warehouse', 'EU', { versioning: false }, { owner: 'data-platform', 'data-classification': 'secret' });

  // Cloud SQL: a private, backed-up, TLS-only primary and an exposed legacy instance.
  const sql = (name: string, region: string, data: Partial<Resource<'gcp.sql.instance'>['data']>, labels: Record<string, string>) =>
    add('gcp.sql.instance', region, `//cloudsql.googleapis.com/projects/${PROJECT}/instances/${name}`, name, {
      databaseVersion: 'POSTGRES_16', state: 'RUNNABLE', instanceType: 'CLOUD_SQL_INSTANCE', backupEnabled: true, pointInTimeRecovery: true, publicIp: false,
      authorizedNetworks: [], requireSsl: false, sslMode: 'ENCRYPTED_ONLY', privateNetwork: `projects/${PROJECT}/global/networks/analytics-vpc`, kmsKeyName: null, databaseFlags: {}, ...data,
    }, labels, { assetType: 'sqladmin.googleapis.com/Instance', location: region });
  sql('metrics-pg', 'europe-west1', { databaseFlags: { log_connections: 'on', log_disconnections: 'on' } }, { owner: 'data-platform', 'data-classification': 'confidential' });
  sql('legacy-mysql', 'us-central1', {
    databaseVersion: 'MYSQL_5_7', backupEnabled: false, pointInTimeRecovery: false, publicIp: true,
    authorizedNetworks: [{ name: 'anywhere', value: '0.0.0.0/0' }], sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED', privateNetwork: null, databaseFlags: { local_infile: 'on' },
  }, { owner: 'bi' });

  // KMS: a key rotating every 90 days, one never rotating.
  const kmsKey = (name: string, rotationDays: number | null) =>
    add('gcp.kms.crypto-key', 'europe-west1', `//cloudkms.googleapis.com/projects/${PROJECT}/locations/europe-west1/keyRings/analytics/cryptoKeys/${name}`, name, {
      keyRing: 'analytics', purpose: 'ENCRYPT_DECRYPT', rotationPeriodSeconds: rotationDays === null ? null : rotationDays * 86_400,
      nextRotationTime: rotationDays === null ? null : new Date(now.getTime() + 30 * DAY).toISOString(), primaryState: 'ENABLED',
    }, { owner: 'security' }, { assetType: 'cloudkms.googleapis.com/CryptoKey', location: 'europe-west1' });
  kmsKey('disks', 90);
  kmsKey('exports', null);

  // Logging: the only project sink is filtered, and the org sink routes audit logs only.
  add('gcp.logging.sink', GLOBAL_REGION, `//logging.googleapis.com/projects/${PROJECT}/sinks/errors-to-pubsub`, 'errors-to-pubsub', {
    name: `projects/${PROJECT}/sinks/errors-to-pubsub`, destination: `pubsub.googleapis.com/projects/${PROJECT}/topics/errors`, filter: 'severity>=ERROR', exclusions: [], disabled: false, includeChildren: false,
  });

  // GKE: a hardened private cluster, and a sandbox cluster left with the defaults of years ago.
  const pool = (name: string, hardened: boolean) => ({ name, autoUpgrade: true, autoRepair: hardened, secureBoot: hardened, serviceAccount: hardened ? `gke-nodes@${PROJECT}.iam.gserviceaccount.com` : 'default' });
  add('gcp.container.cluster', 'europe-west1', `//container.googleapis.com/projects/${PROJECT}/locations/europe-west1/clusters/analytics`, 'analytics', {
    location: 'europe-west1', autopilot: false, privateEndpoint: true, privateNodes: true, authorizedNetworks: ['10.20.0.0/20'], legacyAbac: false, workloadPool: `${PROJECT}.svc.id.goog`,
    secretsKmsKey: `projects/${PROJECT}/locations/europe-west1/keyRings/analytics/cryptoKeys/gke`, loggingService: 'logging.googleapis.com/kubernetes', monitoringService: 'monitoring.googleapis.com/kubernetes',
    shieldedNodes: true, clientCertificate: false, networkPolicy: true, releaseChannel: 'STABLE', nodePools: [pool('workers', true)],
  }, { owner: 'data-platform' });
  add('gcp.container.cluster', 'us-central1', `//container.googleapis.com/projects/${PROJECT}/locations/us-central1-a/clusters/sandbox`, 'sandbox', {
    location: 'us-central1-a', autopilot: false, privateEndpoint: false, privateNodes: false, authorizedNetworks: null, legacyAbac: true, workloadPool: null,
    secretsKmsKey: null, loggingService: 'none', monitoringService: 'none', shieldedNodes: false, clientCertificate: true, networkPolicy: false, releaseChannel: null,
    nodePools: [pool('default-pool', false), { ...pool('gpu', false), autoUpgrade: false }],
  });

  // BigQuery: the warehouse under a customer key, a marketing dataset shared with every Google account.
  const dataset = (name: string, location: string, kms: string | null, access: { role: string; member: string }[]) =>
    add('gcp.bigquery.dataset', location.toLowerCase(), `//bigquery.googleapis.com/projects/${PROJECT}/datasets/${name}`, name, {
      location, defaultKmsKeyName: kms, access: [{ role: 'OWNER', member: 'group:analytics-devs@acme.example' }, ...access],
      iamBindings: seen(access.filter((a) => a.member.startsWith('all')).map((a) => bind('roles/bigquery.dataViewer', [a.member], `//bigquery.googleapis.com/projects/${PROJECT}/datasets/${name}`))),
    }, { owner: 'data-platform' });
  dataset('warehouse', 'EU', `projects/${PROJECT}/locations/eu/keyRings/analytics/cryptoKeys/bigquery`, []);
  dataset('campaign_stats', 'US', null, [{ role: 'READER', member: 'allAuthenticatedUsers' }]);

  // Pub/Sub, Cloud Run and Cloud Functions: the pipeline's topic, an internal API and a public webhook.
  const topic = (name: string, kms: string | null, members: string[]) =>
    add('gcp.pubsub.topic', GLOBAL_REGION, `//pubsub.googleapis.com/projects/${PROJECT}/topics/${name}`, name, { kmsKeyName: kms, iamBindings: seen(members.length ? [bind('roles/pubsub.publisher', members, `projects/${PROJECT}/topics/${name}`)] : []) });
  topic('ingest', `projects/${PROJECT}/locations/europe-west1/keyRings/analytics/cryptoKeys/pubsub`, [`serviceAccount:dataflow-runner@${PROJECT}.iam.gserviceaccount.com`]);
  topic('errors', null, ['allAuthenticatedUsers']);
  const invoker = (role: string, member: string, name: string) => seen([bind(role, [member], name)]);
  add('gcp.run.service', 'europe-west1', `//run.googleapis.com/projects/${PROJECT}/locations/europe-west1/services/metrics-api`, 'metrics-api', {
    ingress: 'internal', iamBindings: invoker('roles/run.invoker', `serviceAccount:dataflow-runner@${PROJECT}.iam.gserviceaccount.com`, 'metrics-api'),
  });
  add('gcp.run.service', 'us-central1', `//run.googleapis.com/projects/${PROJECT}/locations/us-central1/services/export-preview`, 'export-preview', { ingress: 'all', iamBindings: invoker('roles/run.invoker', 'allUsers', 'export-preview') });
  add('gcp.functions.function', 'europe-west1', `//cloudfunctions.googleapis.com/projects/${PROJECT}/locations/europe-west1/functions/load-batch`, 'load-batch', {
    generation: 2, ingressSettings: 'ALLOW_INTERNAL_ONLY', httpsSecurityLevel: null, httpTrigger: false, iamBindings: seen([]),
  });
  add('gcp.functions.function', 'europe-west1', `//cloudfunctions.googleapis.com/projects/${PROJECT}/locations/europe-west1/functions/crm-webhook`, 'crm-webhook', {
    generation: 1, ingressSettings: 'ALLOW_ALL', httpsSecurityLevel: 'SECURE_OPTIONAL', httpTrigger: true, iamBindings: invoker('roles/cloudfunctions.invoker', 'allUsers', 'crm-webhook'),
  });
  add('gcp.functions.function', 'europe-west1', `//cloudfunctions.googleapis.com/projects/${PROJECT}/locations/europe-west1/functions/report-api`, 'report-api', {
    generation: 1, ingressSettings: 'ALLOW_INTERNAL_AND_GCLB', httpsSecurityLevel: 'SECURE_ALWAYS', httpTrigger: true, iamBindings: seen([]),
  });

  // API keys: a maps key locked to the website, and an old key that works for anything from anywhere.
  const apiKey = (id: string, displayName: string, days: number, applicationRestriction: 'browser' | null, apiTargets: string[]) =>
    add('gcp.apikeys.key', GLOBAL_REGION, `//apikeys.googleapis.com/projects/${PROJECT_NUMBER}/locations/global/keys/${id}`, displayName, { displayName, createTime: ago(days), applicationRestriction, apiTargets });
  apiKey('3f2a', 'dashboard-maps', 30, 'browser', ['maps-backend.googleapis.com']);
  apiKey('9c71', 'legacy-export', 540, null, []);

  // Essential Contacts: the organisation names a technical contact, nobody a security one.
  add('gcp.essentialcontacts.project', GLOBAL_REGION, `//essentialcontacts.googleapis.com/projects/${PROJECT}/contacts`, PROJECT, {
    own: [{ email: 'billing@acme.example', categories: ['BILLING'], source: `projects/${PROJECT}` }],
    inherited: seen([{ email: 'cloud-ops@acme.example', categories: ['TECHNICAL', 'SUSPENSION'], source: ORG }]),
  });

  const projectTypes: ResourceType[] = [
    'gcp.project', 'gcp.project.iam-policy', 'gcp.iam.policy', 'gcp.iam.service-account', 'gcp.compute.firewall', 'gcp.compute.instance', 'gcp.compute.disk',
    'gcp.compute.network', 'gcp.compute.subnetwork', 'gcp.compute.project-metadata', 'gcp.storage.bucket', 'gcp.sql.instance', 'gcp.kms.crypto-key', 'gcp.logging.sink',
    'gcp.container.cluster', 'gcp.bigquery.dataset', 'gcp.pubsub.topic', 'gcp.run.service', 'gcp.functions.function', 'gcp.apikeys.key', 'gcp.essentialcontacts.project',
  ];
  const orgWhere = { provider: 'gcp' as const, account: ORG, region: GLOBAL_REGION };
  return [
    ...projectTypes.map((type) => listing(scope, type, byType.get(type) ?? []) as Listing),
    listing(scope, 'gcp.asset', assets) as Listing,
    listing(orgScope, 'gcp.iam.policy', [
      resource('gcp.iam.policy', orgWhere, {
        id: `//cloudresourcemanager.googleapis.com/${ORG}#iamPolicy`, name: ORG,
        data: { resource: `//cloudresourcemanager.googleapis.com/${ORG}`, assetType: 'cloudresourcemanager.googleapis.com/Organization', bindings: [bind('roles/resourcemanager.organizationViewer', ['domain:acme.example'], ORG)] },
      }),
    ]) as Listing,
    listing(orgScope, 'gcp.workspace.directory', [
      resource('gcp.workspace.directory', orgWhere, {
        id: '//admin.googleapis.com/customers/my_customer', name: 'my_customer',
        data: {
          customer: 'my_customer', adminSubject: 'scanner-admin@acme.example',
          users: [
            { primaryEmail: 'cto@acme.example', isAdmin: true, suspended: false, archived: false, isEnrolledIn2Sv: true, isEnforcedIn2Sv: true },
            { primaryEmail: 'platform@acme.example', isAdmin: false, suspended: false, archived: false, isEnrolledIn2Sv: true, isEnforcedIn2Sv: true },
            { primaryEmail: 'intern@acme.example', isAdmin: false, suspended: false, archived: false, isEnrolledIn2Sv: false, isEnforcedIn2Sv: false },
          ],
        },
      }),
    ]) as Listing,
  ];
}
