import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import check from '../../../../checks/aws/guardduty/aws-guardduty-detector-enabled.js';
import { deniedFact, failedListingOf, guardDutyDetector, listingOf } from '../../../fixtures/aws.js';

const suspended = seen({ status: 'DISABLED', findingPublishingFrequency: 'SIX_HOURS', updatedAt: null });

describe(check.id, () => {
  const region = (name: string, detectors: ReturnType<typeof guardDutyDetector>[]) => listingOf('aws.guardduty.detector', detectors, name);

  test('one verdict per region: an enabled detector passes, none or a suspended one fails, an unknown one is ERROR', () => {
    const results = runCheck(check, [
      region('eu-west-1', [guardDutyDetector('d1', {}, { region: 'eu-west-1' })]),
      region('us-east-1', []),
      region('eu-central-1', [guardDutyDetector('d2', { detail: suspended }, { region: 'eu-central-1' })]),
      region('ap-south-1', [guardDutyDetector('d3', { detail: deniedFact('guardduty:GetDetector') }, { region: 'ap-south-1' })]),
    ]);
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([
      ['eu-west-1', 'PASS'], ['us-east-1', 'FAIL'], ['eu-central-1', 'FAIL'], ['ap-south-1', 'ERROR'],
    ]);
    expect(results[0]?.evidence).toEqual({ detectors: [{ detectorId: 'd1', status: 'ENABLED' }] });
    expect(results[1]?.evidence).toEqual({ detectors: [] });
    expect(results[2]?.evidence).toEqual({ detectors: [{ detectorId: 'd2', status: 'DISABLED' }] });
    expect(results[3]?.error?.operation).toBe('guardduty:GetDetector');
  });

  test('ERROR when detectors could not be listed; an empty region is a FAIL, never NOT_APPLICABLE', () => {
    expect(runCheck(check, [failedListingOf('aws.guardduty.detector', 'guardduty:ListDetectors')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.guardduty.detector', [])]).map((r) => r.status)).toEqual(['FAIL']);
  });
});
