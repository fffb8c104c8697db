import type { Observed } from '../../../src/core/observed.js';

/** EC2 (regional). `DescribeSecurityGroups`, `DescribeInstances`, `DescribeVolumes`, `DescribeSnapshots` (OwnerIds=self), `DescribeVpcs`. */

/** One `IpPermissions` entry. `ipProtocol` `-1` is every protocol; ports are null then (and for ICMP types, see `fromPort`). */
export interface IpPermission {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1`, or a protocol number as a string. */
  readonly ipProtocol: string;
  readonly fromPort: number | null;
  readonly toPort: number | null;
  /** `IpRanges[].CidrIp` */
  readonly ipRanges: readonly string[];
  /** `Ipv6Ranges[].CidrIpv6` */
  readonly ipv6Ranges: readonly string[];
  /** `PrefixListIds[].PrefixListId` */
  readonly prefixListIds: readonly string[];
  /** `UserIdGroupPairs[].GroupId` */
  readonly userIdGroupPairs: readonly string[];
}

/** `aws.ec2.security-group`; tags in `Resource.tags`. */
export interface SecurityGroup {
  readonly groupId: string;
  readonly groupName: string;
  readonly description: string;
  readonly vpcId: string | null;
  readonly ownerId: string;
  readonly ipPermissions: readonly IpPermission[];
  readonly ipPermissionsEgress: readonly IpPermission[];
  /**
   * How many network interfaces (instances, load balancers, Lambda, RDS, ...) use the group, from one
   * region-wide `ec2:DescribeNetworkInterfaces`: an open group nothing uses exposes nothing today.
   */
  readonly networkInterfaceCount: Observed<number>;
}

export interface InstanceMetadataOptions {
  /** `required` means IMDSv2 only. */
  readonly httpTokens: 'optional' | 'required';
  readonly httpEndpoint: 'enabled' | 'disabled';
  readonly httpPutResponseHopLimit: number;
}

/** `aws.ec2.instance`; tags in `Resource.tags`. */
export interface Ec2Instance {
  readonly instanceId: string;
  readonly instanceType: string;
  /** `State.Name`: pending, running, shutting-down, terminated, stopping, stopped. */
  readonly state: string;
  readonly imageId: string;
  readonly launchTime: string;
  readonly vpcId: string | null;
  readonly subnetId: string | null;
  readonly publicIpAddress: string | null;
  readonly iamInstanceProfileArn: string | null;
  readonly metadataOptions: InstanceMetadataOptions;
  readonly securityGroupIds: readonly string[];
  /** `BlockDeviceMappings[].Ebs.VolumeId` */
  readonly volumeIds: readonly string[];
  readonly platform: string | null;
}

export interface VolumeAttachment {
  readonly instanceId: string;
  readonly device: string;
  readonly state: string;
}

/** `aws.ec2.volume`; `Resource.id` is the ARN `arn:aws:ec2:<region>:<account>:volume/<id>`, as AWS Backup names it. */
export interface Ec2Volume {
  readonly volumeId: string;
  readonly volumeType: string;
  readonly size: number;
  /** creating, available, in-use, deleting, deleted, error */
  readonly state: string;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly createTime: string;
  readonly availabilityZone: string;
  readonly snapshotId: string | null;
  readonly attachments: readonly VolumeAttachment[];
}

/** `aws.ec2.snapshot`: snapshots the account owns (`OwnerIds=self`). */
export interface Ec2Snapshot {
  readonly snapshotId: string;
  readonly volumeId: string | null;
  readonly volumeSize: number;
  readonly startTime: string;
  /** pending, completed, error, recoverable, recovering */
  readonly state: string;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly ownerId: string;
  readonly description: string;
  /**
   * Restorable by everyone (`createVolumePermission` group `all`): from a second
   * `DescribeSnapshots` with `RestorableByUserIds=all`, or `DescribeSnapshotAttribute`.
   */
  readonly publiclyRestorable: Observed<boolean>;
}

/**
 * `aws.ec2.ebs-encryption-default`: one per account and region, from `ec2:GetEbsEncryptionByDefault`
 * (the listing fails when that call fails) and `ec2:GetEbsDefaultKmsKeyId`.
 */
export interface EbsEncryptionDefault {
  readonly ebsEncryptionByDefault: boolean;
  readonly kmsKeyId: Observed<string | null>;
}

/** One `DescribeFlowLogs` entry attached to the VPC. */
export interface FlowLog {
  readonly flowLogId: string;
  /** `ACTIVE` */
  readonly flowLogStatus: string;
  /** ACCEPT, REJECT, ALL */
  readonly trafficType: string;
  /** cloud-watch-logs, s3, kinesis-data-firehose */
  readonly logDestinationType: string;
  /** `SUCCESS` or `FAILED` */
  readonly deliverLogsStatus: string | null;
}

/** `aws.ec2.vpc`; tags in `Resource.tags`. */
export interface Vpc {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly isDefault: boolean;
  readonly state: string;
  /** `ec2:DescribeFlowLogs` (one region-wide call, so it can fail apart from `DescribeVpcs`). */
  readonly flowLogs: Observed<readonly FlowLog[]>;
}

/** One network ACL rule (`ec2:DescribeNetworkAcls` `Entries`). */
export interface NetworkAclEntry {
  readonly ruleNumber: number;
  /** `-1` (all), or an IP protocol number as text: `6` tcp, `17` udp, `1` icmp. */
  readonly protocol: string;
  /** `allow` or `deny` */
  readonly ruleAction: string;
  readonly egress: boolean;
  readonly cidrBlock: string | null;
  readonly ipv6CidrBlock: string | null;
  /** null: every port (all protocols, or a protocol without ports). */
  readonly portRange: { readonly from: number; readonly to: number } | null;
}

/** `aws.ec2.network-acl`; `Resource.id` is the ACL ARN, tags in `Resource.tags`. */
export interface NetworkAcl {
  readonly networkAclId: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly entries: readonly NetworkAclEntry[];
  readonly subnetIds: readonly string[];
}
