import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/secretsmanager/aws-secretsmanager-secret-rotated-recently.js';
import { daysAgo, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { secret } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('judges the last rotation, or the creation of a never-rotated secret, against maxAgeDays', () => {
    const secrets = listingOf('aws.secretsmanager.secret', [
      secret('fresh'),
      secret('stale', { lastRotatedDate: daysAgo(120) }),
      secret('never-old', { lastRotatedDate: null, createdDate: daysAgo(200) }),
      secret('never-new', { lastRotatedDate: null, createdDate: daysAgo(5) }),
      secret('undated', { lastRotatedDate: null, createdDate: null }),
    ]);
    const results = runCheck(check, [secrets]);
    expect(statuses(results)).toEqual([['fresh', 'PASS'], ['stale', 'FAIL'], ['never-old', 'FAIL'], ['never-new', 'PASS'], ['undated', 'ERROR']]);
    expect(results[2]?.message).toBe('Never rotated in 200 days');
    expect(statuses(runCheck(check, [secrets], { params: { maxAgeDays: 365 } })).map(([, s]) => s)).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'ERROR']);
  });

  test('ERROR for a failed ListSecrets, NOT_APPLICABLE without secrets', () => {
    expect(runCheck(check, [failedListingOf('aws.secretsmanager.secret', 'secretsmanager:ListSecrets')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.secretsmanager.secret', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
