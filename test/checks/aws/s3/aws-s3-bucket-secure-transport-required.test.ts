import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-secure-transport-required.js';
import { deniedFact, doc, listingOf, s3Bucket } from '../../../fixtures/aws.js';

const denyHttp = doc({
  Sid: 'DenyPlainHttp', Effect: 'Deny', Principal: '*', Action: 's3:*',
  Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});
const allowRead = doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });

describe(check.id, () => {
  test('PASS with a deny-HTTP statement, FAIL without one or without a policy, ERROR when the policy was denied', () => {
    const results = runCheck(check, [
      listingOf('aws.s3.bucket', [
        s3Bucket('tls-only', { policy: seen(denyHttp) }),
        s3Bucket('no-policy'),
        s3Bucket('other-policy', { policy: seen(allowRead) }),
        s3Bucket('denied', { policy: deniedFact('s3:GetBucketPolicy') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['tls-only', 'PASS'], ['no-policy', 'FAIL'], ['other-policy', 'FAIL'], ['denied', 'ERROR']]);
    expect(results[0]?.evidence).toEqual({ hasPolicy: true, sid: 'DenyPlainHttp' });
  });

  test('NOT_APPLICABLE without buckets', () => {
    expect(runCheck(check, [listingOf('aws.s3.bucket', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
