import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/logs/aws-logs-log-group-retention.js';
import { failedListingOf, listingOf, logGroup } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const groups = () => listingOf('aws.logs.log-group', [
    logGroup('year', { retentionInDays: 400 }),
    logGroup('forever', { retentionInDays: null }),
    logGroup('month', { retentionInDays: 30 }),
    logGroup('delivery', { retentionInDays: 1, logGroupClass: 'DELIVERY' }),
  ]);

  test('retention at or above the minimum (or never expiring) passes, shorter fails, delivery groups are NOT_APPLICABLE', () => {
    const results = runCheck(check, [groups()]);
    expect(statuses(results)).toEqual([['year', 'PASS'], ['forever', 'PASS'], ['month', 'FAIL'], ['delivery', 'NOT_APPLICABLE']]);
    expect(results[2]?.evidence).toEqual({ retentionInDays: 30, minRetentionDays: 365 });
    expect(results[1]?.evidence).toEqual({ retentionInDays: null, minRetentionDays: 365 });
  });

  test('the minimum is a parameter', () => {
    expect(statuses(runCheck(check, [groups()], { params: { minRetentionDays: 30 } }))).toEqual([
      ['year', 'PASS'], ['forever', 'PASS'], ['month', 'PASS'], ['delivery', 'NOT_APPLICABLE'],
    ]);
    expect(statuses(runCheck(check, [groups()], { params: { minRetentionDays: 731 } })).map(([, s]) => s)).toEqual(['FAIL', 'PASS', 'FAIL', 'NOT_APPLICABLE']);
  });

  test('ERROR for a failed DescribeLogGroups, NOT_APPLICABLE for no log groups', () => {
    const [failed] = runCheck(check, [failedListingOf('aws.logs.log-group', 'logs:DescribeLogGroups')]);
    expect(failed?.status).toBe('ERROR');
    expect(failed?.error?.operation).toBe('logs:DescribeLogGroups');
    expect(runCheck(check, [listingOf('aws.logs.log-group', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
