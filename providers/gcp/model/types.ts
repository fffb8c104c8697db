import type { Observed } from '../../../src/core/observed.js';

/**
 * The GCP inventory model. Scopes: every project is one account, and each project's listings use
 * the region `global` because the APIs answer per project (aggregated lists); a resource's own
 * `region` field holds its real location (`europe-west1`, `EU`, `global`). The organisation is an
 * account of its own (`organizations/<id>`) carrying org/folder IAM policies and the Workspace
 * directory, so org-wide facts yield one result, not one per project.
 */

/** One IAM binding, with the resource it is set on (inherited bindings name the folder or org). */
export interface GcpIamBinding {
  readonly role: string;
  readonly members: readonly string[];
  /** The binding's condition expression, when conditional. */
  readonly condition: string | null;
  /** `organizations/1`, `folders/2`, `projects/p`, or the full resource name of a resource. */
  readonly source: string;
}

export interface GcpAuditLogConfig {
  readonly logType: 'ADMIN_READ' | 'DATA_READ' | 'DATA_WRITE' | string;
  readonly exemptedMembers: readonly string[];
}

export interface GcpAuditConfig {
  /** `allServices` or an API name such as `storage.googleapis.com`. */
  readonly service: string;
  readonly auditLogConfigs: readonly GcpAuditLogConfig[];
  /** Where it is set: the project or an ancestor (audit configs are inherited too). */
  readonly source: string;
}

/** `gcp.project.iam-policy`: the effective IAM policy of one project. */
export interface GcpProjectIamPolicy {
  readonly projectId: string;
  /** Resource names from the project up to the organisation (`projects/p`, `folders/1`, `organizations/2`). */
  readonly ancestry: readonly string[];
  /** Bindings set on the project itself. */
  readonly bindings: readonly GcpIamBinding[];
  /** Bindings set on its folders and organisation; unseen when an ancestor's policy could not be read. */
  readonly inheritedBindings: Observed<readonly GcpIamBinding[]>;
  /** Audit configs of the project and (inherited) of its ancestors. */
  readonly auditConfigs: Observed<readonly GcpAuditConfig[]>;
}

/** `gcp.iam.policy`: the IAM policy set directly on any resource (org, folder, project, bucket, key...). */
export interface GcpResourceIamPolicy {
  /** Full resource name, e.g. `//storage.googleapis.com/my-bucket`. */
  readonly resource: string;
  /** Cloud Asset type, e.g. `storage.googleapis.com/Bucket`. */
  readonly assetType: string;
  readonly bindings: readonly GcpIamBinding[];
}

export interface GcpServiceAccountKey {
  readonly name: string;
  readonly keyType: 'USER_MANAGED' | 'SYSTEM_MANAGED' | string;
  /** ISO time the key became valid (its creation). */
  readonly validAfterTime: string | null;
  readonly validBeforeTime: string | null;
  readonly disabled: boolean;
}

/** `gcp.iam.service-account` */
export interface GcpServiceAccount {
  readonly email: string;
  readonly uniqueId: string;
  readonly disabled: boolean;
  /** User-managed keys only (system-managed keys rotate on their own). */
  readonly userManagedKeys: Observed<readonly GcpServiceAccountKey[]>;
}

export interface GcpFirewallPermission {
  /** `tcp`, `udp`, `icmp`, `all`, or a protocol number. */
  readonly protocol: string;
  /** Ports and ranges (`22`, `1000-2000`); empty means every port. */
  readonly ports: readonly string[];
}

/** `gcp.compute.firewall` */
export interface GcpFirewallRule {
  readonly network: string;
  readonly direction: 'INGRESS' | 'EGRESS' | string;
  readonly disabled: boolean;
  readonly priority: number;
  readonly sourceRanges: readonly string[];
  readonly allowed: readonly GcpFirewallPermission[];
  readonly denied: readonly GcpFirewallPermission[];
  readonly targetTags: readonly string[];
  readonly targetServiceAccounts: readonly string[];
  /** Firewall Rules Logging records each connection the rule allows or denies. */
  readonly logging: boolean;
}

export interface GcpInstanceServiceAccount {
  readonly email: string;
  readonly scopes: readonly string[];
}

/** `gcp.compute.instance` */
export interface GcpInstance {
  readonly zone: string;
  readonly status: string;
  readonly machineType: string;
  readonly networkInterfaces: readonly { readonly network: string; readonly subnetwork: string; readonly externalIps: readonly string[] }[];
  readonly serviceAccounts: readonly GcpInstanceServiceAccount[];
  /** Instance metadata items (`enable-oslogin`, `serial-port-enable`, `block-project-ssh-keys`). */
  readonly metadata: Readonly<Record<string, string>>;
  /** Null when the instance has no Shielded VM configuration. */
  readonly shieldedVm: { readonly secureBoot: boolean; readonly vtpm: boolean; readonly integrityMonitoring: boolean } | null;
  readonly diskNames: readonly string[];
}

/** `gcp.compute.project-metadata`: Compute Engine metadata set for every VM of the project. */
export interface GcpComputeProjectMetadata {
  /** Common instance metadata items (`enable-oslogin`, `serial-port-enable`, `ssh-keys`...). */
  readonly items: Readonly<Record<string, string>>;
}

/** `gcp.compute.disk` */
export interface GcpDisk {
  /** The zone, or the region for regional disks. */
  readonly location: string;
  readonly sizeGb: number;
  readonly users: readonly string[];
  /** Cloud KMS key protecting the disk (CMEK); null for Google-managed encryption. */
  readonly kmsKeyName: string | null;
  /** Whether a customer-supplied key (CSEK) protects it. */
  readonly customerSuppliedKey: boolean;
  /** Attached resource policies that are snapshot schedules. */
  readonly snapshotSchedules: readonly string[];
  /** Creation time of the newest snapshot of this disk, null when none exists. */
  readonly latestSnapshot: string | null;
}

/** `gcp.compute.network` */
export interface GcpNetwork {
  readonly autoCreateSubnetworks: boolean;
  /** Legacy (non-VPC) network: it has a single IPv4 range and no subnets. */
  readonly legacy: boolean;
  readonly subnetworks: readonly string[];
}

/** `gcp.compute.subnetwork` */
export interface GcpSubnetwork {
  readonly network: string;
  readonly ipCidrRange: string;
  /** `PRIVATE`, or a special purpose (proxy-only subnets cannot have flow logs). */
  readonly purpose: string;
  readonly flowLogs: boolean;
}

/** `gcp.storage.bucket` */
export interface GcpBucket {
  readonly location: string;
  readonly locationType: string;
  readonly storageClass: string;
  readonly uniformBucketLevelAccess: boolean;
  readonly publicAccessPrevention: 'enforced' | 'inherited' | string;
  readonly versioning: boolean;
  readonly retentionPolicy: { readonly retentionPeriodSeconds: number; readonly isLocked: boolean } | null;
  readonly softDeleteSeconds: number | null;
  readonly kmsKeyName: string | null;
  readonly iamBindings: Observed<readonly GcpIamBinding[]>;
}

/** `gcp.sql.instance` */
export interface GcpSqlInstance {
  readonly databaseVersion: string;
  readonly state: string;
  /** `CLOUD_SQL_INSTANCE`, `READ_REPLICA_INSTANCE`, `ON_PREMISES_INSTANCE`. */
  readonly instanceType: string;
  readonly backupEnabled: boolean;
  readonly pointInTimeRecovery: boolean;
  readonly publicIp: boolean;
  readonly authorizedNetworks: readonly { readonly name: string; readonly value: string }[];
  /** Legacy flag `requireSsl`. */
  readonly requireSsl: boolean;
  /** `ENCRYPTED_ONLY`, `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`, `ALLOW_UNENCRYPTED_AND_ENCRYPTED`, or null. */
  readonly sslMode: string | null;
  readonly privateNetwork: string | null;
  readonly kmsKeyName: string | null;
  /** Database flags as set (`log_connections: on`); a flag left at its default is absent. */
  readonly databaseFlags: Readonly<Record<string, string>>;
}

/** `gcp.kms.crypto-key` */
export interface GcpCryptoKey {
  readonly keyRing: string;
  readonly purpose: string;
  /** Seconds between automatic rotations; null when automatic rotation is off. */
  readonly rotationPeriodSeconds: number | null;
  readonly nextRotationTime: string | null;
  /** State of the primary version (`ENABLED`, `DISABLED`, `DESTROYED`), null for asymmetric keys. */
  readonly primaryState: string | null;
}

export interface GcpLogSink {
  /** Resource name: `projects/p/sinks/s`, `folders/1/sinks/s`, `organizations/2/sinks/s`. */
  readonly name: string;
  readonly destination: string;
  /** Empty filter exports every entry. */
  readonly filter: string;
  readonly exclusions: readonly { readonly name: string; readonly filter: string; readonly disabled: boolean }[];
  readonly disabled: boolean;
  /** For folder and organisation sinks: whether they also route the children's logs. */
  readonly includeChildren: boolean;
}

/** `gcp.logging.sink`: a sink defined on the project itself. */
export type GcpProjectLogSink = GcpLogSink;

/** `gcp.project`: the project itself, with the facts inherited from its ancestors. */
export interface GcpProject {
  readonly projectId: string;
  readonly projectNumber: string;
  readonly parent: string | null;
  readonly ancestry: readonly string[];
  readonly state: string;
  /** Folder and organisation sinks that include children, so they cover this project. */
  readonly inheritedSinks: Observed<readonly GcpLogSink[]>;
}

/** `gcp.asset`: any resource with its location and labels (Cloud Asset Inventory, or built from the service lists). */
export interface GcpAsset {
  /** Cloud Asset type, e.g. `compute.googleapis.com/Instance`. */
  readonly assetType: string;
  /** The dutyscan resource type it corresponds to (`gcp.compute.instance`), when one exists. */
  readonly resourceType: string | null;
  /** As the API names it: a zone, a region, a multi-region (`EU`) or `global`. */
  readonly location: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Whether the asset type carries labels at all (firewall rules and IAM objects do not). */
  readonly labelable: boolean;
}

export interface GcpWorkspaceUser {
  readonly primaryEmail: string;
  readonly isAdmin: boolean;
  readonly suspended: boolean;
  readonly archived: boolean;
  readonly isEnrolledIn2Sv: boolean;
  readonly isEnforcedIn2Sv: boolean;
}

/**
 * `gcp.workspace.directory`: the Cloud Identity / Workspace directory, read through the Admin SDK
 * with a delegated admin subject. Without one, `users` is null: MFA is then a manual attestation.
 */
export interface GcpWorkspaceDirectory {
  readonly customer: string;
  readonly adminSubject: string | null;
  readonly users: readonly GcpWorkspaceUser[] | null;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'gcp.project': GcpProject;
    'gcp.project.iam-policy': GcpProjectIamPolicy;
    'gcp.iam.policy': GcpResourceIamPolicy;
    'gcp.iam.service-account': GcpServiceAccount;
    'gcp.compute.firewall': GcpFirewallRule;
    'gcp.compute.instance': GcpInstance;
    'gcp.compute.disk': GcpDisk;
    'gcp.compute.project-metadata': GcpComputeProjectMetadata;
    'gcp.compute.network': GcpNetwork;
    'gcp.compute.subnetwork': GcpSubnetwork;
    'gcp.storage.bucket': GcpBucket;
    'gcp.sql.instance': GcpSqlInstance;
    'gcp.kms.crypto-key': GcpCryptoKey;
    'gcp.logging.sink': GcpProjectLogSink;
    'gcp.asset': GcpAsset;
    'gcp.workspace.directory': GcpWorkspaceDirectory;
  }
}

// The services read from Cloud Asset Inventory's resource listing, one model file each.
import type {} from './apikeys.js';
import type {} from './bigquery.js';
import type {} from './container.js';
import type {} from './essentialcontacts.js';
import type {} from './functions.js';
import type {} from './pubsub.js';
import type {} from './run.js';
