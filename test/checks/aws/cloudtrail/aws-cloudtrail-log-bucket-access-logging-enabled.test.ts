import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/aws/cloudtrail/aws-cloudtrail-log-bucket-access-logging-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { deniedFact, failedListingOf, listingOf, s3Bucket, trail } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const trails = listingOf('aws.cloudtrail.trail', [
    trail('logged', { s3BucketName: 'trail-a' }),
    trail('unlogged', { s3BucketName: 'trail-b' }),
    trail('central', { s3BucketName: 'log-archive-bucket' }),
  ]);

  test('PASS when the trail bucket logs access, FAIL when not, NOT_APPLICABLE for a bucket in another account', () => {
    const results = runCheck(check, [trails, listingOf('aws.s3.bucket', [
      s3Bucket('trail-a', { logging: seen({ targetBucket: 'access-logs', targetPrefix: 'trail-a/' }) }),
      s3Bucket('trail-b'),
    ])]);
    expect(statuses(results)).toEqual([['logged', 'PASS'], ['unlogged', 'FAIL'], ['central', 'NOT_APPLICABLE']]);
    expect(results[1]?.evidence).toEqual({ bucket: 'trail-b', logging: null });
  });

  test('ERROR when the bucket logging status or the buckets are unknown', () => {
    const denied = runCheck(check, [trails, listingOf('aws.s3.bucket', [s3Bucket('trail-a', { logging: deniedFact('s3:GetBucketLogging') })])]);
    expect(denied[0]).toMatchObject({ status: 'ERROR', error: { operation: 's3:GetBucketLogging' } });
    expect(runCheck(check, [trails, failedListingOf('aws.s3.bucket', 's3:ListBuckets')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [failedListingOf('aws.cloudtrail.trail', 'cloudtrail:DescribeTrails')])[0]?.status).toBe('ERROR');
  });
});
