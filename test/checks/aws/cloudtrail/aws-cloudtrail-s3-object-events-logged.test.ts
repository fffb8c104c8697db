import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/aws/cloudtrail/aws-cloudtrail-s3-object-events-logged.js';
import { runCheck } from '../../../support/checks.js';
import { deniedFact, failedListingOf, listingOf, trail } from '../../../fixtures/aws.js';

const selectors = (read: boolean, write: boolean) => seen({ managementEvents: { read: true, write: true }, s3ObjectDataEvents: { read, write } });

describe(check.id, () => {
  const run = (trails: ReturnType<typeof trail>[], params = {}) => runCheck(check, [listingOf('aws.cloudtrail.trail', trails)], { params })[0];

  test('PASS when a logging trail records object reads and writes; FAIL otherwise', () => {
    expect(run([trail('data', { eventSelectors: selectors(true, true) })])?.status).toBe('PASS');
    expect(run([trail('mgmt-only')])).toMatchObject({ status: 'FAIL', evidence: { wanted: { read: true, write: true } } });
    expect(run([trail('writes', { eventSelectors: selectors(false, true) })])?.status).toBe('FAIL');
    expect(run([])?.status).toBe('FAIL');
  });

  test('the read half can be waived by parameter', () => {
    expect(run([trail('writes', { eventSelectors: selectors(false, true) })], { read: false })?.status).toBe('PASS');
  });

  test('an unanswered trail is ERROR only when no other trail covers the region; never NOT_APPLICABLE', () => {
    const unknown = trail('unknown', { eventSelectors: deniedFact('cloudtrail:GetEventSelectors') });
    expect(run([unknown])?.status).toBe('ERROR');
    expect(run([unknown, trail('data', { eventSelectors: selectors(true, true) })])?.status).toBe('PASS');
    expect(runCheck(check, [failedListingOf('aws.cloudtrail.trail', 'cloudtrail:DescribeTrails')])[0]?.status).toBe('ERROR');
    expect(run([])?.status).not.toBe('NOT_APPLICABLE');
  });
});
