import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/s3/aws-s3-bucket-required-tags.js';
import { deniedFact, listingOf, s3Bucket } from '../../../fixtures/aws.js';
import { REQUIRED_TAGS_POLICY, requiredTagsCases } from '../lib/required-tags-cases.js';
import { runCheck } from '../../../support/checks.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.s3.bucket', (name, tags) => s3Bucket(name, {}, { tags }));
  test('ERROR when GetBucketTagging was denied for one bucket', () => {
    const results = runCheck(check, [listingOf('aws.s3.bucket', [s3Bucket('denied', { tagging: deniedFact('s3:GetBucketTagging') })])], { policy: REQUIRED_TAGS_POLICY });
    expect(results[0]).toMatchObject({ status: 'ERROR', error: { operation: 's3:GetBucketTagging' } });
  });
});
