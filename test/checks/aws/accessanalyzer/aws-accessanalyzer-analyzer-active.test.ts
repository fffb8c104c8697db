import { describe, expect, test } from 'vitest';
import { runCheck } from '../../../support/checks.js';
import check from '../../../../checks/aws/accessanalyzer/aws-accessanalyzer-analyzer-active.js';
import { accessAnalyzer, failedListingOf, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const region = (name: string, analyzers: ReturnType<typeof accessAnalyzer>[]) => listingOf('aws.accessanalyzer.analyzer', analyzers, name);

  test('one verdict per region: an active account or organisation analyzer passes; unused-access analyzers do not count', () => {
    const results = runCheck(check, [
      region('eu-west-1', [accessAnalyzer('external', {}, { region: 'eu-west-1' })]),
      region('eu-central-1', [accessAnalyzer('org', { type: 'ORGANIZATION' }, { region: 'eu-central-1' })]),
      region('us-east-1', []),
      region('us-west-2', [accessAnalyzer('unused', { type: 'ACCOUNT_UNUSED_ACCESS' }, { region: 'us-west-2' })]),
      region('ap-south-1', [accessAnalyzer('broken', { status: 'DISABLED', statusReason: 'AWS_SERVICE_ACCESS_DISABLED' }, { region: 'ap-south-1' })]),
    ]);
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([
      ['eu-west-1', 'PASS'], ['eu-central-1', 'PASS'], ['us-east-1', 'FAIL'], ['us-west-2', 'FAIL'], ['ap-south-1', 'FAIL'],
    ]);
    expect(results[3]?.evidence).toEqual({ analyzers: [{ name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', statusReason: null }] });
    expect(results[4]?.evidence).toEqual({ analyzers: [{ name: 'broken', type: 'ACCOUNT', status: 'DISABLED', statusReason: 'AWS_SERVICE_ACCESS_DISABLED' }] });
  });

  test('ERROR when analyzers could not be listed; an empty region is a FAIL, never NOT_APPLICABLE', () => {
    const [failed] = runCheck(check, [failedListingOf('aws.accessanalyzer.analyzer', 'access-analyzer:ListAnalyzers')]);
    expect(failed?.status).toBe('ERROR');
    expect(failed?.error?.operation).toBe('access-analyzer:ListAnalyzers');
    expect(runCheck(check, [listingOf('aws.accessanalyzer.analyzer', [])]).map((r) => r.status)).toEqual(['FAIL']);
  });
});
