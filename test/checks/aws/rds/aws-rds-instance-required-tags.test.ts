import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/rds/aws-rds-instance-required-tags.js';
import { failedListingOf, listingOf, rdsInstance } from '../../../fixtures/aws.js';

const policy = {
  requiredTags: [
    { key: 'owner' },
    { key: 'data-classification', pattern: 'public|internal|confidential', resourceTypes: ['aws.*'] },
    { key: 'gcp-only', resourceTypes: ['gcp.*'] },
  ],
};

describe(check.id, () => {
  test('PASS with valid tags, FAIL for missing keys or values outside the pattern; rules for other types are ignored', () => {
    const results = runCheck(check, [
      listingOf('aws.rds.instance', [
        rdsInstance('tagged', {}, { tags: { owner: 'payments', 'data-classification': 'confidential' } }),
        rdsInstance('untagged', {}, { tags: { Name: 'x' } }),
        rdsInstance('bad-value', {}, { tags: { owner: 'ops', 'data-classification': 'secret-ish' } }),
      ]),
    ], { policy });
    expect(statuses(results)).toEqual([['tagged', 'PASS'], ['untagged', 'FAIL'], ['bad-value', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ required: ['owner', 'data-classification'], missing: ['owner', 'data-classification'], invalid: [] });
    expect(results[2]?.evidence).toMatchObject({ missing: [], invalid: [{ key: 'data-classification', value: 'secret-ish' }] });
  });

  test('NOT_APPLICABLE when no rule applies to the type', () => {
    const results = runCheck(check, [listingOf('aws.rds.instance', [rdsInstance('any')])], { policy: { requiredTags: [{ key: 'owner', resourceTypes: ['azure.*'] }] } });
    expect(results[0]).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { rules: 0 } });
  });

  test('ERROR when the resources could not be listed', () => {
    expect(runCheck(check, [failedListingOf('aws.rds.instance', 'tag:GetResources')], { policy })[0]?.status).toBe('ERROR');
  });

});
