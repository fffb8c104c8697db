import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/cloudtrail/aws-cloudtrail-log-file-validation-enabled.js';
import { failedListingOf, listingOf, OTHER_ACCOUNT, trail } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('judges the trails living in the region, once each', () => {
    const results = runCheck(check, [
      listingOf('aws.cloudtrail.trail', [trail('good'), trail('bad', { logFileValidationEnabled: false })], 'eu-west-1'),
      // eu-west-1's multi-region trail again, as a shadow in another region: not judged twice.
      listingOf('aws.cloudtrail.trail', [trail('good', { homeRegion: 'eu-west-1' }, { region: 'eu-central-1' })], 'eu-central-1'),
    ]);
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL'], ['111111111111/eu-central-1', 'NOT_APPLICABLE']]);
    expect(results[1]?.evidence).toEqual({ logFileValidationEnabled: false });
  });

  test("an organization trail owned by another account is not this account's to fix", () => {
    const org = trail('org', { trailArn: `arn:aws:cloudtrail:eu-west-1:${OTHER_ACCOUNT}:trail/org`, isOrganizationTrail: true, ...{ logFileValidationEnabled: false } });
    expect(runCheck(check, [listingOf('aws.cloudtrail.trail', [org])])[0]?.status).toBe('NOT_APPLICABLE');
  });

  test('ERROR when trails could not be listed', () => {
    expect(runCheck(check, [failedListingOf('aws.cloudtrail.trail', 'cloudtrail:DescribeTrails')])[0]?.status).toBe('ERROR');
  });
});
