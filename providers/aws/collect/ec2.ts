import {
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeFlowLogs,
  paginateDescribeInstances,
  paginateDescribeNetworkInterfaces,
  paginateDescribeNetworkAcls,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  type FlowLog as SdkFlowLog,
  type GetEbsDefaultKmsKeyIdCommandOutput,
  type GetEbsEncryptionByDefaultCommandOutput,
  type IpPermission as SdkIpPermission,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { Listing } from '../../../src/core/inventory.js';
import { mapObserved, seen, unseen, type Observed } from '../../../src/core/observed.js';
import type { ResourceType } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import { type FlowLog, type IpPermission } from '../model/index.js';
import { awsSettingId } from '../resources.js';
import { iso, partitionOf, provenance, tagsOf, type AwsCaller } from './caller.js';


const ipPermission = (p: SdkIpPermission): IpPermission => ({
  ipProtocol: p.IpProtocol ?? '-1',
  fromPort: p.FromPort ?? null,
  toPort: p.ToPort ?? null,
  ipRanges: (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
  ipv6Ranges: (p.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
  prefixListIds: (p.PrefixListIds ?? []).flatMap((r) => (r.PrefixListId ? [r.PrefixListId] : [])),
  userIdGroupPairs: (p.UserIdGroupPairs ?? []).flatMap((r) => (r.GroupId ? [r.GroupId] : [])),
});

const nameTag = (tags: readonly Tag[] | undefined, fallback: string): string =>
  tags?.find((t) => t.Key === 'Name')?.Value || fallback;

const flowLog = (f: SdkFlowLog): FlowLog => ({
  flowLogId: f.FlowLogId ?? '',
  flowLogStatus: f.FlowLogStatus ?? '',
  trafficType: f.TrafficType ?? '',
  logDestinationType: f.LogDestinationType ?? '',
  deliverLogsStatus: f.DeliverLogsStatus ?? null,
});

/**
 * EC2 in one region, every list in bulk pages (1,000 per page where the API allows). Each type is
 * its own call, so a denied DescribeVolumes fails the volume listing and nothing else.
 */
export async function collectEc2(caller: AwsCaller, region: string, types: ReadonlySet<ResourceType>): Promise<Listing[]> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  const arn = (kind: string, id: string, account = caller.account) => `arn:${partitionOf(region)}:ec2:${region}:${account}:${kind}/${id}`;
  const jobs: Promise<Listing>[] = [];

  if (types.has('aws.ec2.security-group')) {
    // One bulk call counts the interfaces per group; it failing leaves the counts unknown, not the groups.
    const interfaceCounts: Promise<Observed<ReadonlyMap<string, number>>> = caller
      .all('ec2', region, paginateDescribeNetworkInterfaces, {}, (p) => p.NetworkInterfaces, 1000)
      .then((list) => {
        const byGroup = new Map<string, number>();
        for (const n of list) for (const g of n.Groups ?? []) if (g.GroupId) byGroup.set(g.GroupId, (byGroup.get(g.GroupId) ?? 0) + 1);
        return seen(byGroup, provenance('ec2', 'DescribeNetworkInterfaces'));
      }, (e: unknown) => unseen(caller.error(e, 'ec2', 'DescribeNetworkInterfaces', region)));
    jobs.push(caller.listing('aws.ec2.security-group', region, 'ec2', 'DescribeSecurityGroups', async () => {
      const groups = await caller.all('ec2', region, paginateDescribeSecurityGroups, {}, (p) => p.SecurityGroups, 1000);
      const counts = await interfaceCounts;
      return groups.map((g) => {
        const id = g.GroupId ?? '';
        return resource('aws.ec2.security-group', where, {
          id: arn('security-group', id), name: g.GroupName ?? id, tags: tagsOf(g.Tags),
          data: {
            groupId: id, groupName: g.GroupName ?? '', description: g.Description ?? '', vpcId: g.VpcId ?? null,
            ownerId: g.OwnerId ?? caller.account,
            ipPermissions: (g.IpPermissions ?? []).map(ipPermission),
            ipPermissionsEgress: (g.IpPermissionsEgress ?? []).map(ipPermission),
            networkInterfaceCount: mapObserved(counts, (m) => m.get(id) ?? 0),
          },
        });
      });
    }));
  }

  if (types.has('aws.ec2.instance')) {
    jobs.push(caller.listing('aws.ec2.instance', region, 'ec2', 'DescribeInstances', async () =>
      (await caller.all('ec2', region, paginateDescribeInstances, {}, (p) => (p.Reservations ?? []).flatMap((r) => r.Instances ?? []), 1000))
        .map((i) => {
          const id = i.InstanceId ?? '';
          const m = i.MetadataOptions;
          return resource('aws.ec2.instance', where, {
            id: arn('instance', id), name: nameTag(i.Tags, id), tags: tagsOf(i.Tags),
            data: {
              instanceId: id, instanceType: i.InstanceType ?? '', state: i.State?.Name ?? 'unknown', imageId: i.ImageId ?? '',
              launchTime: iso(i.LaunchTime) ?? '', vpcId: i.VpcId ?? null, subnetId: i.SubnetId ?? null,
              publicIpAddress: i.PublicIpAddress ?? null, iamInstanceProfileArn: i.IamInstanceProfile?.Arn ?? null,
              // Absent metadata options are EC2's launch defaults: IMDSv1 allowed, endpoint on, hop limit 1.
              metadataOptions: {
                httpTokens: m?.HttpTokens === 'required' ? 'required' : 'optional',
                httpEndpoint: m?.HttpEndpoint === 'disabled' ? 'disabled' : 'enabled',
                httpPutResponseHopLimit: m?.HttpPutResponseHopLimit ?? 1,
              },
              securityGroupIds: (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
              volumeIds: (i.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.VolumeId ? [b.Ebs.VolumeId] : [])),
              platform: i.Platform ?? null,
            },
          });
        })));
  }

  if (types.has('aws.ec2.volume')) {
    jobs.push(caller.listing('aws.ec2.volume', region, 'ec2', 'DescribeVolumes', async () =>
      (await caller.all('ec2', region, paginateDescribeVolumes, {}, (p) => p.Volumes, 500)).map((v) => {
        const id = v.VolumeId ?? '';
        return resource('aws.ec2.volume', where, {
          id: arn('volume', id), name: nameTag(v.Tags, id), tags: tagsOf(v.Tags),
          data: {
            volumeId: id, volumeType: v.VolumeType ?? '', size: v.Size ?? 0, state: v.State ?? 'unknown', encrypted: v.Encrypted ?? false,
            kmsKeyId: v.KmsKeyId ?? null, createTime: iso(v.CreateTime) ?? '', availabilityZone: v.AvailabilityZone ?? '',
            snapshotId: v.SnapshotId || null,
            attachments: (v.Attachments ?? []).map((a) => ({ instanceId: a.InstanceId ?? '', device: a.Device ?? '', state: a.State ?? '' })),
          },
        });
      })));
  }

  if (types.has('aws.ec2.snapshot')) {
    // One more bulk call answers "public" for all of them: the own snapshots restorable by `all`.
    const publicIds = (): Promise<Observed<ReadonlySet<string>>> => caller
      .all('ec2', region, paginateDescribeSnapshots, { OwnerIds: ['self'], RestorableByUserIds: ['all'] }, (p) => p.Snapshots, 1000)
      .then((list) => seen(new Set(list.flatMap((s) => (s.SnapshotId ? [s.SnapshotId] : []))), provenance('ec2', 'DescribeSnapshots')),
        (e: unknown) => unseen(caller.error(e, 'ec2', 'DescribeSnapshots', region)));
    jobs.push(caller.listing('aws.ec2.snapshot', region, 'ec2', 'DescribeSnapshots', async () => {
      const own = await caller.all('ec2', region, paginateDescribeSnapshots, { OwnerIds: ['self'] }, (p) => p.Snapshots, 1000);
      // The public ones are among the own ones: a region without snapshots has none to ask about.
      const isPublic = own.length > 0 ? await publicIds() : seen<ReadonlySet<string>>(new Set());
      return own.map((s) => {
        const id = s.SnapshotId ?? '';
        return resource('aws.ec2.snapshot', where, {
          id: `arn:${partitionOf(region)}:ec2:${region}::snapshot/${id}`, name: nameTag(s.Tags, id), tags: tagsOf(s.Tags),
          data: {
            snapshotId: id, volumeId: s.VolumeId && s.VolumeId !== 'vol-ffffffff' ? s.VolumeId : null, volumeSize: s.VolumeSize ?? 0,
            startTime: iso(s.StartTime) ?? '', state: s.State ?? 'unknown', encrypted: s.Encrypted ?? false, kmsKeyId: s.KmsKeyId ?? null,
            ownerId: s.OwnerId ?? caller.account, description: s.Description ?? '',
            publiclyRestorable: mapObserved(isPublic, (ids) => ids.has(id)),
          },
        });
      });
    }));
  }

  if (types.has('aws.ec2.ebs-encryption-default')) {
    jobs.push(caller.listing('aws.ec2.ebs-encryption-default', region, 'ec2', 'GetEbsEncryptionByDefault', async () => {
      const [enabled, kmsKeyId] = await Promise.all([
        caller.send<GetEbsEncryptionByDefaultCommandOutput>('ec2', region, new GetEbsEncryptionByDefaultCommand({})),
        caller.observe('ec2', region, new GetEbsDefaultKmsKeyIdCommand({}), (o: GetEbsDefaultKmsKeyIdCommandOutput) => o.KmsKeyId ?? null),
      ]);
      return [resource('aws.ec2.ebs-encryption-default', where, {
        id: awsSettingId.ebsEncryptionDefault(caller.account, region), name: `EBS encryption by default (${region})`,
        data: { ebsEncryptionByDefault: enabled.EbsEncryptionByDefault ?? false, kmsKeyId },
      })];
    }));
  }

  if (types.has('aws.ec2.vpc')) {
    const flowLogs: Promise<Observed<ReadonlyMap<string, FlowLog[]>>> = caller
      .all('ec2', region, paginateDescribeFlowLogs, {}, (p) => p.FlowLogs, 1000)
      .then((list) => {
        const byResource = new Map<string, FlowLog[]>();
        for (const f of list) if (f.ResourceId) byResource.set(f.ResourceId, [...(byResource.get(f.ResourceId) ?? []), flowLog(f)]);
        return seen(byResource, provenance('ec2', 'DescribeFlowLogs'));
      }, (e: unknown) => unseen(caller.error(e, 'ec2', 'DescribeFlowLogs', region)));
    jobs.push(caller.listing('aws.ec2.vpc', region, 'ec2', 'DescribeVpcs', async () => {
      const vpcs = await caller.all('ec2', region, paginateDescribeVpcs, {}, (p) => p.Vpcs, 1000);
      const logs = await flowLogs;
      return vpcs.map((v) => {
        const id = v.VpcId ?? '';
        return resource('aws.ec2.vpc', where, {
          id: arn('vpc', id, v.OwnerId ?? caller.account), name: nameTag(v.Tags, id), tags: tagsOf(v.Tags),
          data: {
            vpcId: id, cidrBlock: v.CidrBlock ?? '', isDefault: v.IsDefault ?? false, state: v.State ?? 'unknown',
            flowLogs: mapObserved(logs, (m) => m.get(id) ?? []),
          },
        });
      });
    }));
  }

  if (types.has('aws.ec2.network-acl')) {
    jobs.push(caller.listing('aws.ec2.network-acl', region, 'ec2', 'DescribeNetworkAcls', async () =>
      (await caller.all('ec2', region, paginateDescribeNetworkAcls, {}, (p) => p.NetworkAcls, 100)).map((n) => {
        const id = n.NetworkAclId ?? '';
        return resource('aws.ec2.network-acl', where, {
          id: arn('network-acl', id, n.OwnerId ?? caller.account), name: nameTag(n.Tags, id), tags: tagsOf(n.Tags),
          data: {
            networkAclId: id, vpcId: n.VpcId ?? '', isDefault: n.IsDefault ?? false,
            entries: (n.Entries ?? []).map((e) => ({
              ruleNumber: e.RuleNumber ?? 32767, protocol: e.Protocol ?? '-1', ruleAction: e.RuleAction ?? 'deny', egress: e.Egress ?? false,
              cidrBlock: e.CidrBlock ?? null, ipv6CidrBlock: e.Ipv6CidrBlock ?? null,
              portRange: e.PortRange?.From !== undefined && e.PortRange.To !== undefined ? { from: e.PortRange.From, to: e.PortRange.To } : null,
            })),
            subnetIds: (n.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
          },
        });
      })));
  }

  return Promise.all(jobs);
}
