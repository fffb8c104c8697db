import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/aws/ecr/aws-ecr-repository-policy-not-public.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { ecrRepository, openTo } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS without a policy or with an organisation condition, FAIL for "*", ERROR when unread, NOT_APPLICABLE without repositories', () => {
    const results = runCheck(check, [listingOf('aws.ecr.repository', [
      ecrRepository('none'),
      ecrRepository('org', { policy: seen(openTo('ecr:BatchGetImage', { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } })) }),
      ecrRepository('open', { policy: seen(openTo('ecr:*')) }),
      ecrRepository('unread', { policy: deniedFact('ecr:GetRepositoryPolicy') }),
    ])]);
    expect(statuses(results)).toEqual([['none', 'PASS'], ['org', 'PASS'], ['open', 'FAIL'], ['unread', 'ERROR']]);
    expect(runCheck(check, [failedListingOf('aws.ecr.repository', 'ecr:DescribeRepositories')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.ecr.repository', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
