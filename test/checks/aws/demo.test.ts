import { describe, expect, test } from 'vitest';
import { awsChecks } from '../../../checks/aws/index.js';
import { awsDemo, awsDemoPolicy } from '../../../providers/aws/demo.js';
import { NOW, runCheck } from '../../support/checks.js';

/**
 * The AWS demo must show the scanner at work: every check meets both a compliant and a
 * non-compliant resource (or says why not), and exactly one fact AWS refused shows as ERROR.
 */
describe('the AWS demo organisation', () => {
  const listings = awsDemo(NOW);
  const results = awsChecks.map((check) => ({ check, results: runCheck(check, listings, { policy: awsDemoPolicy }) }));

  test('spans three accounts and their regions, every type listed in every scope', () => {
    expect(new Set(listings.map((l) => l.scope.accountName))).toEqual(new Set(['payments-prod', 'data-platform', 'sandbox']));
    expect(listings.every((l) => l.items.ok)).toBe(true);
  });

  test('every check has a FAIL, and a PASS or NOT_APPLICABLE', () => {
    const lacking = results
      .filter(({ results: r }) => !r.some((x) => x.status === 'FAIL') || !r.some((x) => x.status === 'PASS' || x.status === 'NOT_APPLICABLE'))
      .map(({ check, results: r }) => `${check.id}: ${[...new Set(r.map((x) => x.status))].join(',')}`);
    expect(lacking).toEqual([]);
  });

  test('the one refused fact (s3:GetBucketPolicyStatus on payments-exports) is the only source of ERROR', () => {
    const errors = results.flatMap(({ check, results: r }) => r.filter((x) => x.status === 'ERROR').map((x) => [check.id, x.resource.name, x.error?.operation]));
    expect(errors).toEqual([['aws-s3-bucket-policy-not-public', 'payments-exports', 's3:GetBucketPolicyStatus']]);
  });

  test('dates stay relative to now', () => {
    const later = new Date(NOW.getTime() + 400 * 86_400_000);
    const rotated = awsChecks.find((c) => c.id === 'aws-iam-user-access-keys-rotated')!;
    const statusOf = (now: Date) => runCheck(rotated, awsDemo(now), { now }).map((r) => `${r.resource.name}:${r.status}`).sort();
    expect(statusOf(later)).toEqual(statusOf(NOW));
  });
});
