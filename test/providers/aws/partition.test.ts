import { afterEach, describe, expect, it } from 'vitest';
import { partitionOf, partitionOfArn } from '../../../providers/aws/partition.js';
import { adapterFor, FakeAws, richAccount, runAdapter, singleAccountState } from './support.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** An endpoint that lists every partition's regions to whoever asks (some emulators do). */
function accountListingEveryPartition(partition?: string) {
  const account = richAccount();
  account.regions = [
    { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
    { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
    { RegionName: 'cn-north-1', OptInStatus: 'opt-in-not-required' },
    { RegionName: 'us-gov-west-1', OptInStatus: 'opt-in-not-required' },
    { RegionName: 'us-iso-east-1', OptInStatus: 'opt-in-not-required' },
  ];
  if (partition) account.partition = partition;
  return account;
}

describe('AWS regions of the caller\'s partition only', () => {
  it('a commercial caller never scans the cn- or us-gov- regions an endpoint lists', async () => {
    fake = await FakeAws.start(singleAccountState(accountListingEveryPartition()));
    const run = await runAdapter(await adapterFor(fake), { types: new Set(['aws.account.region']) });
    expect(run.discovery.targets[0]!.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(run.listings.map((l) => l.scope.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('the partition comes from the identity ARN: an aws-cn caller scans the cn- regions only', async () => {
    fake = await FakeAws.start(singleAccountState(accountListingEveryPartition('aws-cn')));
    const run = await runAdapter(await adapterFor(fake), { types: new Set(['aws.account.region']) });
    expect(run.discovery.targets[0]!.regions).toEqual(['cn-north-1']);
  });

  it('a configured region of another partition is a visible failure, not a scan', async () => {
    fake = await FakeAws.start(singleAccountState(accountListingEveryPartition()));
    const run = await runAdapter(await adapterFor(fake, { regions: ['eu-west-1', 'cn-north-1'] }), { types: new Set(['aws.account.region']) });
    expect(run.discovery.targets[0]!.regions).toEqual(['eu-west-1']);
    expect(run.discovery.failures.map((f) => [f.scope.region, f.error.code, f.error.message])).toEqual([
      ['cn-north-1', 'NOT_ENABLED', "region cn-north-1 is in partition aws-cn, not the caller's (aws)"],
    ]);
  });

  it('names the partition of regions and ARNs', () => {
    expect(['us-east-1', 'cn-northwest-1', 'us-gov-east-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1'].map(partitionOf))
      .toEqual(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e']);
    expect(partitionOfArn('arn:aws-us-gov:iam::123456789012:user/x')).toBe('aws-us-gov');
    expect(partitionOfArn('not-an-arn')).toBeUndefined();
  });
});
