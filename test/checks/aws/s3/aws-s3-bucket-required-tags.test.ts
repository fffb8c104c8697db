import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-required-tags.js';
import { deniedFact, failedListingOf, listingOf, s3Bucket } from '../../../fixtures/aws.js';

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
      listingOf('aws.s3.bucket', [
        s3Bucket('tagged', {}, { tags: { owner: 'payments', 'data-classification': 'confidential' } }),
        s3Bucket('untagged', {}, { tags: { Name: 'x' } }),
        s3Bucket('bad-value', {}, { tags: { owner: 'ops', 'data-classification': 'secret-ish' } }),
      ]),
    ], { policy });
    expect(statuses(results)).toEqual([['tagged', 'PASS'], ['untagged', 'FAIL'], ['bad-value', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ required: ['owner', 'data-classification'], missing: ['owner', 'data-classification'], invalid: [] });
    expect(results[2]?.evidence).toMatchObject({ missing: [], invalid: [{ key: 'data-classification', value: 'secret-ish' }] });
  });

  test('NOT_APPLICABLE when no rule applies to the type', () => {
    const results = runCheck(check, [listingOf('aws.s3.bucket', [s3Bucket('any')])], { policy: { requiredTags: [{ key: 'owner', resourceTypes: ['azure.*'] }] } });
    expect(results[0]).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { rules: 0 } });
  });

  test('ERROR when the resources could not be listed', () => {
    expect(runCheck(check, [failedListingOf('aws.s3.bucket', 'tag:GetResources')], { policy })[0]?.status).toBe('ERROR');
  });

  test('ERROR when GetBucketTagging was denied for one bucket', () => {
    const results = runCheck(check, [listingOf('aws.s3.bucket', [s3Bucket('denied', { tagging: deniedFact('s3:GetBucketTagging') })])], { policy });
    expect(results[0]).toMatchObject({ status: 'ERROR', error: { operation: 's3:GetBucketTagging' } });
  });
});
