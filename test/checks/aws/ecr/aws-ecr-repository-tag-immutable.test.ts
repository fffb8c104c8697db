import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ecr/aws-ecr-repository-tag-immutable.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { ecrRepository } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS for IMMUTABLE (with or without exclusions), FAIL for MUTABLE, ERROR for a failed listing, NOT_APPLICABLE without repositories', () => {
    expect(statuses(runCheck(check, [listingOf('aws.ecr.repository', [
      ecrRepository('immutable'), ecrRepository('excl', { imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' }),
      ecrRepository('mutable', { imageTagMutability: 'MUTABLE' }), ecrRepository('mutable-excl', { imageTagMutability: 'MUTABLE_WITH_EXCLUSION' }),
    ])]))).toEqual([['immutable', 'PASS'], ['excl', 'PASS'], ['mutable', 'FAIL'], ['mutable-excl', 'FAIL']]);
    expect(runCheck(check, [failedListingOf('aws.ecr.repository', 'ecr:DescribeRepositories')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.ecr.repository', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
