import type { FakeOrg, FakeProject } from './org.js';

const ZONES = ['europe-west1-b', 'europe-west1-c', 'us-central1-a'];

/** An organisation of `projects` projects in 10 folders: `resourcesPerProject` resources of the modelled kinds (30 VMs, 30 disks, 10 buckets, ...) per project. */
export function generatedOrg(projects: number, resourcesPerProject = 100): FakeOrg {
  const scale = resourcesPerProject / 100;
  const n = (k: number) => Math.max(1, Math.round(k * scale));
  const list: FakeProject[] = [];
  for (let p = 0; p < projects; p++) {
    const id = `bench-${String(p).padStart(3, '0')}`;
    const zone = (i: number) => ZONES[i % ZONES.length]!;
    list.push({
      id,
      number: String(700_000 + p),
      parent: `folders/${100 + (p % 10)}`,
      policy: { bindings: [{ role: 'roles/owner', members: [`user:owner-${p}@bench.example`] }, { role: 'roles/viewer', members: ['group:all@bench.example'] }] },
      firewalls: Array.from({ length: n(5) }, (_, i) => ({ name: `fw-${i}`, network: 'global/networks/vpc', direction: 'INGRESS', priority: 1000, sourceRanges: [i === 0 ? '0.0.0.0/0' : '10.0.0.0/8'], allowed: [{ IPProtocol: 'tcp', ports: [i === 0 ? '22' : '443'] }] })),
      networks: Array.from({ length: n(2) }, (_, i) => ({ name: i === 0 ? 'default' : `vpc-${i}`, autoCreateSubnetworks: i === 0 })),
      subnetworks: Array.from({ length: n(6) }, (_, i) => ({ name: `sub-${i}`, region: i % 2 ? 'us-central1' : 'europe-west1', network: 'global/networks/vpc', ipCidrRange: `10.${i}.0.0/24`, logConfig: { enable: i % 2 === 0 } })),
      instances: Array.from({ length: n(30) }, (_, i) => ({
        name: `vm-${i}`, zone: zone(i), status: 'RUNNING', machineType: 'e2-small', labels: i % 3 ? { owner: 'team' } : {},
        networkInterfaces: [{ network: 'global/networks/vpc', accessConfigs: i % 5 === 0 ? [{ natIP: `34.0.${p % 250}.${i}` }] : [] }],
        serviceAccounts: [{ email: `${700_000 + p}-compute@developer.gserviceaccount.com`, scopes: ['https://www.googleapis.com/auth/cloud-platform'] }],
        shieldedInstanceConfig: { enableVtpm: true, enableIntegrityMonitoring: i % 2 === 0 },
      })),
      disks: Array.from({ length: n(30) }, (_, i) => ({
        name: `vm-${i}`, zone: zone(i), sizeGb: '20', selfLink: `https://compute/projects/${id}/zones/${zone(i)}/disks/vm-${i}`,
        resourcePolicies: i % 2 ? [`https://compute/projects/${id}/regions/europe-west1/resourcePolicies/daily`] : [],
      })),
      resourcePolicies: [{ name: 'daily', region: 'europe-west1', selfLink: `https://compute/projects/${id}/regions/europe-west1/resourcePolicies/daily`, snapshotSchedulePolicy: {} }],
      snapshots: Array.from({ length: n(4) }, (_, i) => ({ name: `snap-${i}`, sourceDisk: `https://compute/projects/${id}/zones/${zone(1)}/disks/vm-1`, creationTimestamp: `2026-05-2${i}T00:00:00Z` })),
      buckets: Array.from({ length: n(10) }, (_, i) => ({
        meta: { name: `${id}-bucket-${i}`, location: i % 4 === 3 ? 'US' : 'EU', iamConfiguration: { uniformBucketLevelAccess: { enabled: i % 2 === 0 }, publicAccessPrevention: i === 0 ? 'enforced' : 'inherited' }, versioning: { enabled: i % 3 === 0 }, labels: { owner: 'data' } },
        policy: { bindings: [{ role: 'roles/storage.objectViewer', members: i === 1 ? ['allUsers'] : ['group:all@bench.example'] }] },
      })),
      sqlInstances: Array.from({ length: n(5) }, (_, i) => ({
        name: `db-${i}`, region: 'europe-west1', databaseVersion: 'POSTGRES_16', state: 'RUNNABLE', instanceType: 'CLOUD_SQL_INSTANCE',
        settings: { backupConfiguration: { enabled: i !== 0 }, ipConfiguration: { ipv4Enabled: i === 0, authorizedNetworks: i === 0 ? [{ name: 'any', value: '0.0.0.0/0' }] : [], sslMode: 'ENCRYPTED_ONLY' } },
      })),
      serviceAccounts: Array.from({ length: n(2) }, (_, i) => ({ email: `sa-${i}@${id}.iam.gserviceaccount.com`, keys: i === 0 ? [{ name: 'k', keyType: 'USER_MANAGED', validAfterTime: '2025-01-01T00:00:00Z' }] : [] })),
      keyRings: [{ location: 'europe-west1', name: 'ring', keys: Array.from({ length: n(5) }, (_, i) => ({ name: `key-${i}`, purpose: 'ENCRYPT_DECRYPT', ...(i % 2 ? { rotationPeriod: '7776000s' } : {}), primary: { state: 'ENABLED' } })) }],
      sinks: [{ name: 'all', destination: 'storage.googleapis.com/bench-logs' }],
    });
  }
  return {
    orgId: '9000',
    folders: Array.from({ length: 10 }, (_, i) => ({ name: `folders/${100 + i}`, parent: 'organizations/9000' })),
    projects: list,
    orgPolicy: { bindings: [{ role: 'roles/resourcemanager.organizationViewer', members: ['domain:bench.example'] }] },
    cai: 'enabled',
    pageSize: 500,
  };
}

