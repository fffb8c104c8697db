import { afterEach, describe, expect, it } from 'vitest';
import check from '../../../checks/aws/tagging/aws-tagging-resource-required-tags.js';
import { runCheck } from '../../support/checks.js';
import { adapterFor, FakeAws, find, items, richAccount, runAdapter, singleAccountState } from './support.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const TYPES = new Set(['aws.tagging.resource', 'aws.organizations.tag-policy'] as const);

function account() {
  const a = richAccount();
  const table = (i: number) => ({ ResourceARN: `arn:aws:lambda:us-east-1:${a.id}:function:t${i}`, Tags: i % 2 === 0 ? [{ Key: 'CostCenter', Value: '100' }] : [] });
  a.tagged = {
    'us-east-1': Array.from({ length: 120 }, (_, i) => table(i)),
    'eu-west-1': [{ ResourceARN: `arn:aws:sqs:eu-west-1:${a.id}:jobs`, Tags: [{ Key: 'CostCenter', Value: '999' }] }],
  };
  a.tagPolicy = JSON.stringify({ tags: { costcenter: { tag_key: 'CostCenter', tag_value: ['100', '200'], report_required_tag_for: ['lambda:function', 'sqs:queue'] } } });
  return a;
}

describe('AWS required tags in bulk (Resource Groups Tagging API) through the SDK', () => {
  it('pages GetResources once per region, names types from the ARN, and judges them by the account\'s tag policy when the config has no rules', async () => {
    fake = await FakeAws.start(singleAccountState(account()));
    const { listings } = await runAdapter(await adapterFor(fake), { types: TYPES });
    const use1 = items(find(listings, 'aws.tagging.resource', 'us-east-1'));
    expect(use1).toHaveLength(120);
    expect(use1[0]!.data).toEqual({ arn: `arn:aws:lambda:us-east-1:${use1[0]!.account}:function:t0`, service: 'lambda', arnType: 'lambda:function', resourceType: 'aws.lambda.function' });
    expect(fake.count('tagging', 'GetResources')).toBe(2 + 3); // 100 per page: two in us-east-1, one in each of the three other regions
    expect(fake.count('organizations', 'DescribeEffectivePolicy')).toBe(1);
    const results = runCheck(check, listings);
    const byStatus = (s: string) => results.filter((r) => r.status === s).length;
    expect([byStatus('PASS'), byStatus('FAIL')]).toEqual([60, 61]); // odd tables untagged, the queue's value outside the policy
    expect(results.find((r) => r.resource.name === 'jobs')?.evidence).toMatchObject({ invalid: [{ key: 'CostCenter', value: '999' }], requirementSource: ['organizations:effective-tag-policy/111111111111'] });
  });

  it('a denied GetResources in one region is an ERROR there alone; every other region is judged', async () => {
    fake = await FakeAws.start(singleAccountState(account()));
    fake.fault({ service: 'tagging', operation: 'GetResources', region: 'eu-west-1', status: 400, code: 'AccessDeniedException', message: 'not authorized to perform: tag:GetResources' });
    const { listings } = await runAdapter(await adapterFor(fake), { types: TYPES });
    expect(find(listings, 'aws.tagging.resource', 'eu-west-1').items).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'tagging:GetResources', region: 'eu-west-1' } });
    const results = runCheck(check, listings);
    expect(results.filter((r) => r.status === 'ERROR').map((r) => r.resource.region)).toEqual(['eu-west-1']);
    expect(results.filter((r) => r.resource.region === 'us-east-1' && (r.status === 'PASS' || r.status === 'FAIL'))).toHaveLength(120);
  });

  it('no tag policy and no config rules: NOT_ASSESSED, never a clean PASS; a denied tag policy read is an ERROR', async () => {
    const a = account();
    delete a.tagPolicy;
    fake = await FakeAws.start(singleAccountState(a));
    const none = runCheck(check, (await runAdapter(await adapterFor(fake), { types: TYPES })).listings);
    const resources = none.filter((r) => r.resource.type === 'aws.tagging.resource');
    expect(resources).toHaveLength(121);
    expect(new Set(resources.map((r) => r.status))).toEqual(new Set(['NOT_ASSESSED']));
    await fake.close();

    fake = await FakeAws.start(singleAccountState(account()));
    fake.fault({ service: 'organizations', operation: 'DescribeEffectivePolicy', status: 400, code: 'AccessDeniedException', message: 'not authorized' });
    const denied = runCheck(check, (await runAdapter(await adapterFor(fake), { types: TYPES })).listings);
    const judged = denied.filter((r) => r.resource.type === 'aws.tagging.resource');
    expect(new Set(judged.map((r) => r.status))).toEqual(new Set(['ERROR']));
    expect(judged[0]?.message).toContain('organizations:DescribeEffectivePolicy');
  });
});
