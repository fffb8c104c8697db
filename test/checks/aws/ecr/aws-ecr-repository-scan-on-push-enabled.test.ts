import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ecr/aws-ecr-repository-scan-on-push-enabled.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { ecrRepository } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS when scanning on push, FAIL otherwise, ERROR for a failed listing, NOT_APPLICABLE without repositories', () => {
    expect(statuses(runCheck(check, [listingOf('aws.ecr.repository', [ecrRepository('scanned'), ecrRepository('unscanned', { scanOnPush: false })])])))
      .toEqual([['scanned', 'PASS'], ['unscanned', 'FAIL']]);
    expect(runCheck(check, [failedListingOf('aws.ecr.repository', 'ecr:DescribeRepositories')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.ecr.repository', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
