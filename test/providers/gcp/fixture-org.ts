import type { FakeOrg, FakeProject } from '../../fakes/gcp/org.js';

const DAY = 86_400_000;
export const NOW = new Date('2026-06-01T00:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** A project with one of everything, compliant and not, and lists longer than a page. */
export const PROD: FakeProject = {
  id: 'acme-prod',
  number: '1001',
  parent: 'folders/11',
  displayName: 'Acme production',
  policy: {
    bindings: [
      { role: 'roles/owner', members: ['user:boss@acme.example'] },
      { role: 'roles/iam.serviceAccountAdmin', members: ['user:ops@acme.example'] },
      { role: 'roles/iam.serviceAccountUser', members: ['user:ops@acme.example', 'user:dev@acme.example'] },
    ],
    auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }] }],
  },
  firewalls: [
    { name: 'allow-ssh-world', network: 'global/networks/default', direction: 'INGRESS', priority: 1000, sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    { name: 'allow-rdp-world', network: 'global/networks/default', direction: 'INGRESS', priority: 1000, sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: ['3389'] }] },
    { name: 'allow-https', network: 'global/networks/prod', direction: 'INGRESS', priority: 1000, sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: ['443'] }] },
    { name: 'allow-internal', network: 'global/networks/prod', direction: 'INGRESS', priority: 1000, sourceRanges: ['10.0.0.0/8'], allowed: [{ IPProtocol: 'all' }] },
    { name: 'deny-egress', network: 'global/networks/prod', direction: 'EGRESS', priority: 1000, destinationRanges: ['0.0.0.0/0'], denied: [{ IPProtocol: 'all' }] },
  ],
  networks: [
    { name: 'default', autoCreateSubnetworks: true },
    { name: 'prod', autoCreateSubnetworks: false, subnetworks: ['regions/europe-west1/subnetworks/app'] },
  ],
  subnetworks: [
    { name: 'app', region: 'europe-west1', network: 'global/networks/prod', ipCidrRange: '10.0.0.0/24', logConfig: { enable: true } },
    { name: 'batch', region: 'us-central1', network: 'global/networks/prod', ipCidrRange: '10.1.0.0/24' },
    { name: 'proxy', region: 'europe-west1', network: 'global/networks/prod', ipCidrRange: '10.2.0.0/24', purpose: 'REGIONAL_MANAGED_PROXY' },
  ],
  instances: [
    {
      name: 'web-1', zone: 'europe-west1-b', status: 'RUNNING', machineType: 'zones/europe-west1-b/machineTypes/e2-small', labels: { owner: 'web' },
      networkInterfaces: [{ network: 'global/networks/prod', subnetwork: 'regions/europe-west1/subnetworks/app', accessConfigs: [{ natIP: '34.1.2.3' }] }],
      serviceAccounts: [{ email: '1001-compute@developer.gserviceaccount.com', scopes: ['https://www.googleapis.com/auth/cloud-platform'] }],
      metadata: { items: [{ key: 'serial-port-enable', value: 'true' }] },
      disks: [{ source: 'projects/acme-prod/zones/europe-west1-b/disks/web-1' }],
    },
    {
      name: 'api-1', zone: 'europe-west1-c', status: 'RUNNING', machineType: 'e2-small', labels: { owner: 'api' },
      networkInterfaces: [{ network: 'global/networks/prod', subnetwork: 'regions/europe-west1/subnetworks/app' }],
      serviceAccounts: [{ email: 'api@acme-prod.iam.gserviceaccount.com', scopes: ['https://www.googleapis.com/auth/cloud-platform'] }],
      shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true },
    },
    { name: 'batch-1', zone: 'us-central1-a', status: 'TERMINATED', machineType: 'e2-small', networkInterfaces: [], serviceAccounts: [], metadata: { items: [{ key: 'enable-oslogin', value: 'false' }] } },
  ],
  disks: [
    { name: 'web-1', zone: 'europe-west1-b', sizeGb: '10', users: ['projects/acme-prod/zones/europe-west1-b/instances/web-1'], selfLink: 'https://compute/projects/acme-prod/zones/europe-west1-b/disks/web-1', resourcePolicies: ['https://compute/projects/acme-prod/regions/europe-west1/resourcePolicies/daily'] },
    { name: 'api-1', zone: 'europe-west1-c', sizeGb: '10', selfLink: 'https://compute/projects/acme-prod/zones/europe-west1-c/disks/api-1', diskEncryptionKey: { kmsKeyName: 'projects/acme-prod/locations/europe-west1/keyRings/main/cryptoKeys/disks' } },
    { name: 'scratch', zone: 'europe-west1-c', sizeGb: '10', selfLink: 'https://compute/projects/acme-prod/zones/europe-west1-c/disks/scratch', resourcePolicies: ['https://compute/projects/acme-prod/regions/europe-west1/resourcePolicies/consistency'] },
  ],
  resourcePolicies: [
    { name: 'daily', region: 'europe-west1', selfLink: 'https://compute/projects/acme-prod/regions/europe-west1/resourcePolicies/daily', snapshotSchedulePolicy: { schedule: { dailySchedule: { daysInCycle: 1, startTime: '03:00' } } } },
    { name: 'consistency', region: 'europe-west1', selfLink: 'https://compute/projects/acme-prod/regions/europe-west1/resourcePolicies/consistency', diskConsistencyGroupPolicy: {} },
  ],
  snapshots: [
    { name: 'web-1-a', sourceDisk: 'https://compute/projects/acme-prod/zones/europe-west1-b/disks/web-1', creationTimestamp: '2026-05-30T03:00:00.000-07:00' },
    { name: 'web-1-b', sourceDisk: 'https://compute/projects/acme-prod/zones/europe-west1-b/disks/web-1', creationTimestamp: '2026-05-31T03:00:00.000-07:00' },
  ],
  buckets: [
    { meta: { name: 'acme-prod-records', location: 'EUROPE-WEST1', locationType: 'region', storageClass: 'STANDARD', labels: { owner: 'data' }, versioning: { enabled: true }, iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' } }, policy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['group:analysts@acme.example'] }] } },
    { meta: { name: 'acme-prod-public', location: 'US', locationType: 'multi-region', storageClass: 'STANDARD', iamConfiguration: { uniformBucketLevelAccess: { enabled: false }, publicAccessPrevention: 'inherited' } }, policy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] } },
    { meta: { name: 'acme-prod-archive', location: 'EU', locationType: 'multi-region', storageClass: 'ARCHIVE', retentionPolicy: { retentionPeriod: '2592000', isLocked: true }, iamConfiguration: { uniformBucketLevelAccess: { enabled: true } } }, policy: { bindings: [] } },
  ],
  sqlInstances: [
    { name: 'orders', region: 'europe-west1', databaseVersion: 'POSTGRES_16', state: 'RUNNABLE', instanceType: 'CLOUD_SQL_INSTANCE', settings: { userLabels: { owner: 'orders' }, backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true }, ipConfiguration: { ipv4Enabled: false, privateNetwork: 'projects/acme-prod/global/networks/prod', sslMode: 'ENCRYPTED_ONLY' } } },
    { name: 'legacy', region: 'us-central1', databaseVersion: 'MYSQL_5_7', state: 'RUNNABLE', instanceType: 'CLOUD_SQL_INSTANCE', settings: { backupConfiguration: { enabled: false }, ipConfiguration: { ipv4Enabled: true, requireSsl: false, authorizedNetworks: [{ name: 'anyone', value: '0.0.0.0/0' }] } } },
    { name: 'orders-replica', region: 'europe-west1', databaseVersion: 'POSTGRES_16', state: 'RUNNABLE', instanceType: 'READ_REPLICA_INSTANCE', settings: { backupConfiguration: { enabled: false }, ipConfiguration: { ipv4Enabled: false, sslMode: 'ENCRYPTED_ONLY' } } },
  ],
  serviceAccounts: [
    { email: 'api@acme-prod.iam.gserviceaccount.com', keys: [{ name: 'projects/acme-prod/serviceAccounts/api/keys/sys', keyType: 'SYSTEM_MANAGED', validAfterTime: ago(400) }] },
    { email: 'ci@acme-prod.iam.gserviceaccount.com', keys: [{ name: 'projects/acme-prod/serviceAccounts/ci/keys/old', keyType: 'USER_MANAGED', validAfterTime: ago(200) }] },
    { email: 'etl@acme-prod.iam.gserviceaccount.com', keys: [{ name: 'projects/acme-prod/serviceAccounts/etl/keys/new', keyType: 'USER_MANAGED', validAfterTime: ago(10) }] },
  ],
  keyRings: [
    { location: 'europe-west1', name: 'main', keys: [{ name: 'disks', purpose: 'ENCRYPT_DECRYPT', rotationPeriod: '7776000s', nextRotationTime: '2026-07-01T00:00:00Z', primary: { state: 'ENABLED' } }, { name: 'docs', purpose: 'ENCRYPT_DECRYPT', primary: { state: 'ENABLED' } }, { name: 'signing', purpose: 'ASYMMETRIC_SIGN' }] },
  ],
  sinks: [{ name: 'errors-only', destination: 'storage.googleapis.com/acme-errors', filter: 'severity>=ERROR' }],
  computeMetadata: { 'enable-oslogin': 'TRUE' },
};

/** A project whose every API answers 403: ERROR results for it alone. */
export const LOCKED: FakeProject = { id: 'acme-locked', number: '1002', parent: 'folders/10', denied: true };

/** A project with Cloud SQL Admin and KMS disabled and nothing else in it. */
export const QUIET: FakeProject = {
  id: 'acme-quiet',
  number: '1003',
  parent: 'organizations/123',
  policy: { bindings: [{ role: 'roles/viewer', members: ['allAuthenticatedUsers'] }] },
  disabled: ['sqladmin', 'kms'],
  networks: [{ name: 'custom' }],
};

export function fixtureOrg(overrides: Partial<FakeOrg> = {}): FakeOrg {
  return {
    orgId: '123',
    folders: [
      { name: 'folders/10', parent: 'organizations/123' },
      { name: 'folders/11', parent: 'folders/10' },
    ],
    projects: [PROD, LOCKED, QUIET],
    orgPolicy: { bindings: [{ role: 'roles/editor', members: ['group:admins@acme.example'] }] },
    folderPolicies: { 'folders/10': { bindings: [{ role: 'roles/iam.serviceAccountAdmin', members: ['user:dev@acme.example'] }] } },
    orgSinks: [{ name: 'org-all', destination: 'storage.googleapis.com/acme-org-logs', includeChildren: false }],
    folderSinks: { 'folders/11': [{ name: 'prod-all', destination: 'bigquery.googleapis.com/projects/acme-sec/datasets/logs', includeChildren: true }] },
    users: [
      { primaryEmail: 'boss@acme.example', isAdmin: true, isEnrolledIn2Sv: true, isEnforcedIn2Sv: true },
      { primaryEmail: 'dev@acme.example', isEnrolledIn2Sv: false, isEnforcedIn2Sv: false },
      { primaryEmail: 'gone@acme.example', suspended: true, isEnrolledIn2Sv: false },
    ],
    cai: 'disabled',
    pageSize: 2,
    ...overrides,
  };
}
