import { DescribeEffectivePolicyCommand, type DescribeEffectivePolicyCommandOutput } from '@aws-sdk/client-organizations';
import { paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import type { Listing } from '../../../src/core/inventory.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import { dutyscanType, parseArn, tagPolicyRules } from '../tag-policy.js';
import { FailedCall, iso, partitionOf, tagsOf, type AwsCaller } from './caller.js';
import { errorName } from './errors.js';

/**
 * Every taggable resource of one region with its tags: `tag:GetResources`, one paged call for
 * every type (100 per page). A failed page fails this region's listing alone.
 */
export async function collectTaggedResources(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.tagging.resource', region, 'tagging', 'GetResources', async () =>
    (await caller.all('tagging', region, paginateGetResources, { ResourcesPerPage: 100 }, (p) => p.ResourceTagMappingList)).map((m) => {
      const arn = m.ResourceARN ?? '';
      const { service, arnType, name } = parseArn(arn);
      return resource('aws.tagging.resource', where, { id: arn, name, tags: tagsOf(m.Tags), data: { arn, service, arnType, resourceType: dutyscanType(arnType) } });
    }));
}

/** Organizations answers these when the account has no tag policy, or is in no organisation. */
const NO_POLICY = new Set(['EffectivePolicyNotFoundException', 'AWSOrganizationsNotInUseException']);

/**
 * The account's effective tag policy, asked by the account itself (no `TargetId`), so a member's
 * own role reads it: one call per account, in the home region (Organizations is global).
 */
export async function collectEffectiveTagPolicy(caller: AwsCaller, home: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region: GLOBAL_REGION };
  const id = `arn:${partitionOf(home)}:organizations::${caller.account}:effective-policy/tag_policy`;
  const source = `organizations:effective-tag-policy/${caller.account}`;
  return caller.listing('aws.organizations.tag-policy', GLOBAL_REGION, 'organizations', 'DescribeEffectivePolicy', async () => {
    let output: DescribeEffectivePolicyCommandOutput;
    try {
      output = await caller.send<DescribeEffectivePolicyCommandOutput>('organizations', home, new DescribeEffectivePolicyCommand({ PolicyType: 'TAG_POLICY' }));
    } catch (e) {
      if (!NO_POLICY.has(errorName(e))) throw new FailedCall(caller.error(e, 'organizations', 'DescribeEffectivePolicy', GLOBAL_REGION));
      return [resource('aws.organizations.tag-policy', where, { id, name: 'effective tag policy', data: { present: false, source, rules: [], lastUpdated: null } })];
    }
    const policy = output.EffectivePolicy;
    let rules;
    try {
      rules = tagPolicyRules(policy?.PolicyContent ?? '{}');
    } catch (e) {
      throw new FailedCall(caller.error(Object.assign(new Error(`unreadable tag policy: ${String(e)}`), { name: 'InvalidResponse' }), 'organizations', 'DescribeEffectivePolicy', GLOBAL_REGION));
    }
    return [resource('aws.organizations.tag-policy', where, { id, name: 'effective tag policy', data: { present: true, source, rules, lastUpdated: iso(policy?.LastUpdatedTimestamp) } })];
  });
}
