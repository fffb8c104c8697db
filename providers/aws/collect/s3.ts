import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  type GetBucketAclCommandOutput,
  type GetBucketEncryptionCommandOutput,
  type GetBucketLoggingCommandOutput,
  type GetBucketOwnershipControlsCommandOutput,
  type GetBucketPolicyCommandOutput,
  type GetBucketPolicyStatusCommandOutput,
  type GetBucketTaggingCommandOutput,
  type GetBucketVersioningCommandOutput,
  type GetObjectLockConfigurationCommandOutput,
  type GetPublicAccessBlockCommandOutput,
  type PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import pLimit from 'p-limit';
import { criticalMatcher } from '../../../src/core/critical.js';
import type { Listing } from '../../../src/core/inventory.js';
import { seen, type Observed } from '../../../src/core/observed.js';
import { GLOBAL_REGION, type ResourceType } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import { type AclGrant, type PolicyDocument, type PublicAccessBlock } from '../model/index.js';
import { parsePolicyDocument } from '../policy-document.js';
import { awsSettingId } from '../resources.js';
import { iso, partitionOf, type AwsCaller } from './caller.js';

const publicAccessBlock = (c: PublicAccessBlockConfiguration | undefined): PublicAccessBlock | null =>
  c
    ? {
      blockPublicAcls: c.BlockPublicAcls ?? false,
      ignorePublicAcls: c.IgnorePublicAcls ?? false,
      blockPublicPolicy: c.BlockPublicPolicy ?? false,
      restrictPublicBuckets: c.RestrictPublicBuckets ?? false,
    }
    : null;

function bucketPolicy(o: GetBucketPolicyCommandOutput): PolicyDocument | null {
  if (!o.Policy) return null;
  try {
    return parsePolicyDocument(o.Policy);
  } catch (e) {
    throw Object.assign(new Error(`unreadable bucket policy: ${e instanceof Error ? e.message : String(e)}`), { name: 'InvalidResponse' });
  }
}

/** The Object Ownership setting that disables ACLs. */
const ACLS_DISABLED = 'BucketOwnerEnforced';

/** Enough buckets at once to keep the account's request slots (16 by default) busy. */
const BUCKETS_IN_FLIGHT = 16;

/**
 * S3 buckets of one region: ListBuckets filtered by `BucketRegion` (so each region's task lists
 * its own buckets), then one call per configuration fact against that region's endpoint. There is
 * no bulk source for bucket configuration; these calls dominate an S3-heavy account, so they run
 * concurrently, bounded by the ApiCaller's rate limit and per-account cap.
 */
export async function collectS3Buckets(caller: AwsCaller, region: string, criticalResources: readonly string[] = []): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  // Object Lock only matters (and is only asked) for critical buckets; matched by the checks' own matcher, by name or ARN.
  const critical = criticalMatcher(criticalResources);
  return caller.listing('aws.s3.bucket', region, 's3', 'ListBuckets', async () => {
    const buckets = await caller.all('s3', region, paginateListBuckets, { BucketRegion: region }, (p) => p.Buckets, 1000);
    // A bounded number of buckets at a time: each asks eight questions at once, and a command
    // built for every bucket up front would wait in the account's request queue holding its
    // middleware stack (4,000 of them in a 500-bucket account) without getting answered sooner.
    return pLimit(BUCKETS_IN_FLIGHT).map(buckets.filter((b) => b.Name), async (b) => {
      const Bucket = b.Name!;
      const ask = <O, T>(command: object, map: (o: O) => T, notConfigured?: T): Promise<Observed<T>> =>
        caller.observe('s3', region, command, map, notConfigured);
      const policyAnswer = ask(new GetBucketPolicyCommand({ Bucket }), bucketPolicy, null);
      // With ACLs disabled (the default for buckets made since April 2023) the ACL grants nothing: it is not asked.
      const ownershipAnswer = ask(new GetBucketOwnershipControlsCommand({ Bucket }),
        (o: GetBucketOwnershipControlsCommandOutput) => o.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null, null);
      const [encryption, pab, policy, aclGrants, objectOwnership, versioning, logging, tagging] = await Promise.all([
        ask(new GetBucketEncryptionCommand({ Bucket }), (o: GetBucketEncryptionCommandOutput) => {
          const rule = o.ServerSideEncryptionConfiguration?.Rules?.[0];
          const def = rule?.ApplyServerSideEncryptionByDefault;
          return def?.SSEAlgorithm
            ? { sseAlgorithm: def.SSEAlgorithm, kmsMasterKeyId: def.KMSMasterKeyID ?? null, bucketKeyEnabled: rule?.BucketKeyEnabled ?? false }
            : null;
        }, null),
        ask(new GetPublicAccessBlockCommand({ Bucket }), (o: GetPublicAccessBlockCommandOutput) => publicAccessBlock(o.PublicAccessBlockConfiguration), null),
        policyAnswer,
        ownershipAnswer.then((ownership) => (ownership.ok && ownership.value === ACLS_DISABLED
          ? seen(null, ownership.source)
          : ask(new GetBucketAclCommand({ Bucket }), (o: GetBucketAclCommandOutput): readonly AclGrant[] | null => (o.Grants ?? []).map((g) => ({
            granteeType: g.Grantee?.Type ?? '',
            granteeUri: g.Grantee?.URI ?? null,
            granteeId: g.Grantee?.ID ?? null,
            permission: g.Permission ?? '',
          }))))),
        ownershipAnswer,
        ask(new GetBucketVersioningCommand({ Bucket }), (o: GetBucketVersioningCommandOutput) => ({
          status: o.Status ?? null,
          mfaDelete: o.MFADelete ?? null,
        })),
        ask(new GetBucketLoggingCommand({ Bucket }), (o: GetBucketLoggingCommandOutput) =>
          o.LoggingEnabled?.TargetBucket ? { targetBucket: o.LoggingEnabled.TargetBucket, targetPrefix: o.LoggingEnabled.TargetPrefix ?? '' } : null),
        ask(new GetBucketTaggingCommand({ Bucket }), (o: GetBucketTaggingCommandOutput) =>
          Object.fromEntries((o.TagSet ?? []).flatMap((t) => (t.Key !== undefined ? [[t.Key, t.Value ?? '']] : []))) as Record<string, string>, {}),
      ]);
      // A bucket without a policy has no policy status (AWS answers NoSuchBucketPolicy): ask only when there is one.
      const policyStatus = policy.ok && policy.value === null
        ? seen(null, policy.source)
        : await ask(new GetBucketPolicyStatusCommand({ Bucket }), (o: GetBucketPolicyStatusCommandOutput) =>
          ({ isPublic: o.PolicyStatus?.IsPublic ?? false }), null);
      const arn = `arn:${partitionOf(region)}:s3:::${Bucket}`;
      const objectLock = critical(Bucket, arn) !== null
        ? await ask(new GetObjectLockConfigurationCommand({ Bucket }), (o: GetObjectLockConfigurationCommandOutput) => {
          const c = o.ObjectLockConfiguration;
          const r = c?.Rule?.DefaultRetention;
          return c ? { enabled: c.ObjectLockEnabled === 'Enabled', defaultRetention: r?.Mode ? { mode: r.Mode, days: r.Days ?? null, years: r.Years ?? null } : null } : null;
        }, null)
        : null;
      return resource('aws.s3.bucket', where, {
        id: arn, name: Bucket, tags: tagging.ok ? tagging.value : {},
        data: {
          name: Bucket, creationDate: iso(b.CreationDate) ?? '', encryption, publicAccessBlock: pab, policyStatus, policy,
          aclGrants, objectOwnership, versioning, logging, tagging, objectLock,
        },
      });
    });
  });
}

/** The account-wide S3 public access block (S3 Control), listed in region `global`. */
export async function collectS3AccountPublicAccessBlock(caller: AwsCaller, homeRegion: string): Promise<Listing> {
  const scope = caller.scope(GLOBAL_REGION);
  const answer = await caller.observe('s3control', homeRegion, new GetAccountPublicAccessBlockCommand({ AccountId: caller.account }),
    (o: GetPublicAccessBlockCommandOutput) => publicAccessBlock(o.PublicAccessBlockConfiguration), null);
  if (!answer.ok) return failedListing(scope, 'aws.s3.account-public-access-block', { ...answer.error, region: GLOBAL_REGION });
  return listing(scope, 'aws.s3.account-public-access-block', [resource('aws.s3.account-public-access-block',
    { provider: 'aws', account: caller.account, region: GLOBAL_REGION }, {
      id: awsSettingId.s3AccountPublicAccessBlock(caller.account), name: 'S3 account public access block',
      data: { publicAccessBlock: answer.value },
    })], answer.source);
}

export const S3_REGIONAL_TYPES = ['aws.s3.bucket'] as const satisfies readonly ResourceType[];
