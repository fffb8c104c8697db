import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-access-logging-enabled.js';
import { deniedFact, failedListingOf, listingOf, s3Bucket } from '../../../fixtures/aws.js';

const logged = seen({ targetBucket: 'access-logs', targetPrefix: 'x/' });

describe(check.id, () => {
  const buckets = listingOf('aws.s3.bucket', [
    s3Bucket('payments-ledger', { logging: logged }),
    s3Bucket('payments-exports'),
    s3Bucket('access-logs'),
    s3Bucket('unread', { logging: deniedFact('s3:GetBucketLogging') }),
  ]);

  test('every bucket by default: PASS logging, FAIL not, ERROR unread', () => {
    const results = runCheck(check, [buckets]);
    expect(statuses(results)).toEqual([['payments-ledger', 'PASS'], ['payments-exports', 'FAIL'], ['access-logs', 'FAIL'], ['unread', 'ERROR']]);
    expect(results[0]?.message).toBe('Access is logged to access-logs');
  });

  test('scope: params.buckets globs (a negated glob excludes the log bucket) and params.onlyCritical', () => {
    expect(statuses(runCheck(check, [buckets], { params: { buckets: ['!access-logs'] } })).map(([, s]) => s)).toEqual(['PASS', 'FAIL', 'NOT_APPLICABLE', 'ERROR']);
    expect(statuses(runCheck(check, [buckets], { params: { onlyCritical: true }, policy: { criticalResources: ['payments-*'] } })).map(([, s]) => s))
      .toEqual(['PASS', 'FAIL', 'NOT_APPLICABLE', 'NOT_APPLICABLE']);
    expect(runCheck(check, [buckets], { params: { onlyCritical: true } })[0]?.status).toBe('NOT_ASSESSED');
  });

  test('ERROR for a failed ListBuckets, NOT_APPLICABLE without buckets', () => {
    expect(runCheck(check, [failedListingOf('aws.s3.bucket', 's3:ListBuckets')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.s3.bucket', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
