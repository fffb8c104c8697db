import type {
  GcpAsset,
  GcpAuditConfig,
  GcpBucket,
  GcpCryptoKey,
  GcpDisk,
  GcpFirewallRule,
  GcpIamBinding,
  GcpInstance,
  GcpLogSink,
  GcpNetwork,
  GcpSqlInstance,
  GcpSubnetwork,
} from '../model/types.js';
import type { Observed } from '../../../src/core/observed.js';
import type { protos as compute } from '@google-cloud/compute';
import type { protos as kms } from '@google-cloud/kms';
import type { protos as resourcemanager } from '@google-cloud/resource-manager';
import type { BucketMetadata, Policy as StoragePolicy } from '@google-cloud/storage';
import type { logging_v2 } from '@googleapis/logging';
import type { sqladmin_v1beta4 } from '@googleapis/sqladmin';

/**
 * The normalisers take the client libraries' types but read them as loose JSON: the same field
 * arrives in more than one form (a REST-fallback proto may carry `IPProtocol` or `I_p_protocol`, a
 * timestamp an RFC 3339 string or `{seconds, nanos}`), so every read is checked, none trusted.
 */
type Json = Record<string, unknown>;
type IamPolicy = resourcemanager.google.iam.v1.IPolicy | StoragePolicy | null | undefined;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const arr = <T = Json>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
export const lastSegment = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** A protobuf Timestamp (`{seconds, nanos}`) or an RFC 3339 string, as ISO text. */
export function isoTime(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : new Date(v).toISOString();
  const t = obj(v);
  if (t['seconds'] === undefined || t['seconds'] === null) return null;
  return new Date(Number(t['seconds']) * 1000 + Math.floor(Number(t['nanos'] ?? 0) / 1e6)).toISOString();
}

/** A protobuf Duration (`{seconds}`) or its JSON form (`"7776000s"`), in seconds. */
export function durationSeconds(v: unknown): number | null {
  if (typeof v === 'string') return v === '' ? null : Number.parseFloat(v);
  const d = obj(v);
  return d['seconds'] === undefined || d['seconds'] === null ? null : Number(d['seconds']);
}

export function toBindings(policy: IamPolicy, source: string): GcpIamBinding[] {
  return arr(obj(policy)['bindings']).map((b) => ({
    role: str(b['role']),
    members: arr<string>(b['members']).map(str),
    condition: b['condition'] ? str(obj(b['condition'])['expression']) || null : null,
    source,
  }));
}

export function toAuditConfigs(policy: IamPolicy, source: string): GcpAuditConfig[] {
  return arr(obj(policy)['auditConfigs']).map((c) => ({
    service: str(c['service']),
    source,
    auditLogConfigs: arr(c['auditLogConfigs']).map((l) => ({ logType: str(l['logType']), exemptedMembers: arr<string>(l['exemptedMembers']).map(str) })),
  }));
}

const permissions = (list: unknown) =>
  arr(list).map((p) => ({ protocol: str(p['IPProtocol'] ?? p['I_p_protocol'] ?? p['ipProtocol']).toLowerCase() || 'all', ports: arr<string>(p['ports']).map(str) }));

export function toFirewall(firewall: compute.google.cloud.compute.v1.IFirewall): GcpFirewallRule {
  const f = obj(firewall);
  return {
    network: lastSegment(str(f['network'])),
    direction: str(f['direction']) || 'INGRESS',
    disabled: f['disabled'] === true,
    priority: Number(f['priority'] ?? 1000),
    sourceRanges: arr<string>(f['sourceRanges']).map(str),
    allowed: permissions(f['allowed']),
    denied: permissions(f['denied']),
    targetTags: arr<string>(f['targetTags']).map(str),
    targetServiceAccounts: arr<string>(f['targetServiceAccounts']).map(str),
    logging: obj(f['logConfig'])['enable'] === true,
  };
}

export function toInstance(instance: compute.google.cloud.compute.v1.IInstance): GcpInstance {
  const i = obj(instance);
  const metadata: Record<string, string> = {};
  for (const item of arr(obj(i['metadata'])['items'])) metadata[str(item['key'])] = str(item['value']);
  const shielded = i['shieldedInstanceConfig'] ? obj(i['shieldedInstanceConfig']) : null;
  return {
    zone: lastSegment(str(i['zone'])),
    status: str(i['status']),
    machineType: lastSegment(str(i['machineType'])),
    networkInterfaces: arr(i['networkInterfaces']).map((n) => ({
      network: lastSegment(str(n['network'])),
      subnetwork: lastSegment(str(n['subnetwork'])),
      externalIps: [...arr(n['accessConfigs']), ...arr(n['ipv6AccessConfigs'])]
        .map((a) => str(a['natIP'] ?? a['externalIpv6']))
        .filter((ip) => ip !== ''),
    })),
    serviceAccounts: arr(i['serviceAccounts']).map((s) => ({ email: str(s['email']), scopes: arr<string>(s['scopes']).map(str) })),
    metadata,
    shieldedVm: shielded
      ? { secureBoot: shielded['enableSecureBoot'] === true, vtpm: shielded['enableVtpm'] === true, integrityMonitoring: shielded['enableIntegrityMonitoring'] === true }
      : null,
    diskNames: arr(i['disks']).map((d) => lastSegment(str(d['source']))),
  };
}

export function toDisk(disk: compute.google.cloud.compute.v1.IDisk, schedules: ReadonlySet<string>, latestSnapshot: ReadonlyMap<string, string>): GcpDisk {
  const d = obj(disk);
  const encryption = obj(d['diskEncryptionKey']);
  const selfLink = str(d['selfLink']);
  return {
    location: lastSegment(str(d['zone'] || d['region'])),
    sizeGb: Number(d['sizeGb'] ?? 0),
    users: arr<string>(d['users']).map((u) => lastSegment(str(u))),
    kmsKeyName: str(encryption['kmsKeyName']) || null,
    customerSuppliedKey: str(encryption['sha256']) !== '' && !encryption['kmsKeyName'],
    snapshotSchedules: arr<string>(d['resourcePolicies']).map(str).filter((p) => schedules.has(resourcePolicyKey(p))).map(lastSegment),
    latestSnapshot: latestSnapshot.get(diskKey(selfLink)) ?? null,
  };
}

/** `.../projects/p/regions/r/resourcePolicies/n` -> `r/n`, the same key whichever URL form is used. */
export const resourcePolicyKey = (url: string): string => {
  const m = /regions\/([^/]+)\/resourcePolicies\/([^/]+)/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
};

/** A disk's `zones/z/disks/d` (or `regions/r/disks/d`) part, common to selfLink and snapshot sourceDisk. */
export const diskKey = (url: string): string => {
  const m = /((?:zones|regions)\/[^/]+\/disks\/[^/]+)$/.exec(url);
  return m?.[1] ?? url;
};

export function toNetwork(network: compute.google.cloud.compute.v1.INetwork): GcpNetwork {
  const n = obj(network);
  return {
    autoCreateSubnetworks: n['autoCreateSubnetworks'] === true,
    legacy: str(n['IPv4Range'] ?? n['I_pv4_range'] ?? n['iPv4Range']) !== '',
    subnetworks: arr<string>(n['subnetworks']).map((s) => lastSegment(str(s))),
  };
}

export function toSubnetwork(subnetwork: compute.google.cloud.compute.v1.ISubnetwork): GcpSubnetwork {
  const s = obj(subnetwork);
  const logConfig = obj(s['logConfig']);
  return {
    network: lastSegment(str(s['network'])),
    ipCidrRange: str(s['ipCidrRange']),
    purpose: str(s['purpose']) || 'PRIVATE',
    flowLogs: logConfig['enable'] === true || s['enableFlowLogs'] === true,
  };
}

export function toBucket(bucket: BucketMetadata, iamBindings: Observed<readonly GcpIamBinding[]>): GcpBucket {
  const b = obj(bucket);
  const iamConfig = obj(b['iamConfiguration']);
  const retention = b['retentionPolicy'] ? obj(b['retentionPolicy']) : null;
  const softDelete = obj(b['softDeletePolicy']);
  return {
    location: str(b['location']),
    locationType: str(b['locationType']),
    storageClass: str(b['storageClass']),
    uniformBucketLevelAccess: obj(iamConfig['uniformBucketLevelAccess'])['enabled'] === true,
    publicAccessPrevention: str(iamConfig['publicAccessPrevention']) || 'inherited',
    versioning: obj(b['versioning'])['enabled'] === true,
    retentionPolicy: retention ? { retentionPeriodSeconds: Number(retention['retentionPeriod'] ?? 0), isLocked: retention['isLocked'] === true } : null,
    softDeleteSeconds: softDelete['retentionDurationSeconds'] !== undefined ? Number(softDelete['retentionDurationSeconds']) : null,
    kmsKeyName: str(obj(b['encryption'])['defaultKmsKeyName']) || null,
    iamBindings,
  };
}

export function toSqlInstance(instance: sqladmin_v1beta4.Schema$DatabaseInstance): GcpSqlInstance {
  const i = obj(instance);
  const settings = obj(i['settings']);
  const backup = obj(settings['backupConfiguration']);
  const ip = obj(settings['ipConfiguration']);
  return {
    databaseVersion: str(i['databaseVersion']),
    state: str(i['state']),
    instanceType: str(i['instanceType']) || 'CLOUD_SQL_INSTANCE',
    backupEnabled: backup['enabled'] === true,
    pointInTimeRecovery: backup['pointInTimeRecoveryEnabled'] === true || backup['binaryLogEnabled'] === true,
    publicIp: ip['ipv4Enabled'] === true,
    authorizedNetworks: arr(ip['authorizedNetworks']).map((n) => ({ name: str(n['name']), value: str(n['value']) })),
    requireSsl: ip['requireSsl'] === true,
    sslMode: str(ip['sslMode']) === '' || str(ip['sslMode']) === 'SSL_MODE_UNSPECIFIED' ? null : str(ip['sslMode']),
    privateNetwork: str(ip['privateNetwork']) || null,
    kmsKeyName: str(obj(i['diskEncryptionConfiguration'])['kmsKeyName']) || null,
    databaseFlags: Object.fromEntries(arr(settings['databaseFlags']).map((f) => [str(f['name']), str(f['value'])])),
  };
}

export function toCryptoKey(key: kms.google.cloud.kms.v1.ICryptoKey): GcpCryptoKey {
  const k = obj(key);
  const name = str(k['name']);
  const primary = k['primary'] ? obj(k['primary']) : null;
  return {
    keyRing: /keyRings\/([^/]+)/.exec(name)?.[1] ?? '',
    purpose: str(k['purpose']),
    rotationPeriodSeconds: durationSeconds(k['rotationPeriod']),
    nextRotationTime: isoTime(k['nextRotationTime']),
    primaryState: primary ? str(primary['state']) || null : null,
  };
}

export function toSink(sink: logging_v2.Schema$LogSink, parent: string): GcpLogSink {
  const s = obj(sink);
  return {
    name: `${parent}/sinks/${str(s['name'])}`,
    destination: str(s['destination']),
    filter: str(s['filter']),
    exclusions: arr(s['exclusions']).map((e) => ({ name: str(e['name']), filter: str(e['filter']), disabled: e['disabled'] === true })),
    disabled: s['disabled'] === true,
    includeChildren: s['includeChildren'] === true,
  };
}

/** Cloud Asset types that the model knows, and whether the type carries labels. */
export const ASSET_TYPES: Readonly<Record<string, { resourceType: string | null; labelable: boolean }>> = {
  'compute.googleapis.com/Instance': { resourceType: 'gcp.compute.instance', labelable: true },
  'compute.googleapis.com/Disk': { resourceType: 'gcp.compute.disk', labelable: true },
  'compute.googleapis.com/Snapshot': { resourceType: null, labelable: true },
  'compute.googleapis.com/Image': { resourceType: null, labelable: true },
  'compute.googleapis.com/Firewall': { resourceType: 'gcp.compute.firewall', labelable: false },
  'compute.googleapis.com/Network': { resourceType: 'gcp.compute.network', labelable: false },
  'compute.googleapis.com/Subnetwork': { resourceType: 'gcp.compute.subnetwork', labelable: false },
  'compute.googleapis.com/ResourcePolicy': { resourceType: null, labelable: false },
  'storage.googleapis.com/Bucket': { resourceType: 'gcp.storage.bucket', labelable: true },
  'sqladmin.googleapis.com/Instance': { resourceType: 'gcp.sql.instance', labelable: true },
  'cloudkms.googleapis.com/KeyRing': { resourceType: null, labelable: false },
  'cloudkms.googleapis.com/CryptoKey': { resourceType: 'gcp.kms.crypto-key', labelable: true },
  'iam.googleapis.com/ServiceAccount': { resourceType: 'gcp.iam.service-account', labelable: false },
  'bigquery.googleapis.com/Dataset': { resourceType: null, labelable: true },
  'container.googleapis.com/Cluster': { resourceType: null, labelable: true },
  'pubsub.googleapis.com/Topic': { resourceType: null, labelable: true },
  'run.googleapis.com/Service': { resourceType: null, labelable: true },
};

export function toAsset(assetType: string, location: string, labels: Readonly<Record<string, string>>): GcpAsset {
  const known = ASSET_TYPES[assetType];
  return { assetType, resourceType: known?.resourceType ?? null, location, labels, labelable: known?.labelable ?? true };
}

export function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(obj(v))) if (!k.startsWith('_')) out[k] = str(value);
  return out;
}
