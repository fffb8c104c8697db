import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { observedTags } from '../../../../checks/aws/lib/resources.js';
import { daysSince, latest } from '../../../../checks/aws/lib/time.js';
import { NOW } from '../../../support/checks.js';
import { daysAgo, deniedFact, ebsVolume, s3Bucket } from '../../../fixtures/aws.js';

describe('resource helpers', () => {
  test('observedTags reads the tagging fact where there is one, Resource.tags otherwise', () => {
    expect(observedTags(ebsVolume('vol-1', {}, { tags: { owner: 'a' } }))).toEqual(seen({ owner: 'a' }));
    expect(observedTags(s3Bucket('b', { tagging: deniedFact('s3:GetBucketTagging') })).ok).toBe(false);
  });

  test('daysSince and latest', () => {
    expect(daysSince(daysAgo(45), NOW)).toBe(45);
    expect(daysSince(null, NOW)).toBeNull();
    expect(() => daysSince('yesterday', NOW)).toThrow();
    expect(latest([null, daysAgo(3), daysAgo(1), null])).toBe(daysAgo(1));
    expect(latest([null])).toBeNull();
  });
});
