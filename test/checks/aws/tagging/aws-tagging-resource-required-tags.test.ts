import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/tagging/aws-tagging-resource-required-tags.js';
import { listingOf, taggedResource } from '../../../fixtures/aws.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

const arn = (name: string) => `arn:aws:tagging:eu-west-1:111111111111:thing/${name}`;

describe(check.id, () => {
  requiredTagsCases(check, 'aws.tagging.resource', (name, tags) => taggedResource(arn(name), tags));

  test('types are named from the ARN; those with their own required-tags check are left to it (configurable)', () => {
    const listing = listingOf('aws.tagging.resource', [
      taggedResource('arn:aws:lambda:eu-west-1:111111111111:function:orders', {}),
      taggedResource('arn:aws:ec2:eu-west-1:111111111111:instance/i-1', {}),
      taggedResource('arn:aws:sqs:eu-west-1:111111111111:jobs', { owner: 'x' }),
    ]);
    const policy = { requiredTags: [{ key: 'owner' }] };
    expect(statuses(runCheck(check, [listing], { policy }))).toEqual([['orders', 'FAIL'], ['i-1', 'NOT_APPLICABLE'], ['jobs', 'PASS']]);
    const onlyLambda = runCheck(check, [listing], { policy, params: { includeTypes: ['aws.lambda.*'], excludeTypes: [] } });
    expect(statuses(onlyLambda)).toEqual([['orders', 'FAIL'], ['i-1', 'NOT_APPLICABLE'], ['jobs', 'NOT_APPLICABLE']]);
    expect(onlyLambda[0]?.evidence).toMatchObject({ resourceType: 'aws.lambda.function', arnType: 'lambda:function' });
  });
});
