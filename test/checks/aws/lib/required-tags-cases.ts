import { expect, test } from 'vitest';
import type { AnyCheck } from '../../../../src/core/check.js';
import type { Resource } from '../../../../src/core/resource.js';
import type { AwsResourceType } from '../../../../providers/aws/model/index.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';

export const REQUIRED_TAGS_POLICY = {
  requiredTags: [
    { key: 'owner' },
    { key: 'data-classification', pattern: 'public|internal|confidential', resourceTypes: ['aws.*'] },
    { key: 'gcp-only', resourceTypes: ['gcp.*'] },
  ],
};

/**
 * The cases every AWS `*-required-tags` check shares (they differ only in their resource type):
 * PASS, FAIL for a missing key or a value outside the pattern, NOT_APPLICABLE when no rule
 * applies, NOT_ASSESSED when there are no rules at all, ERROR when the listing failed.
 */
export function requiredTagsCases<T extends AwsResourceType>(
  check: AnyCheck,
  type: T,
  make: (name: string, tags: Record<string, string>) => Resource<T>,
): void {
  test('PASS with valid tags, FAIL for missing keys or values outside the pattern; rules for other types are ignored', () => {
    const results = runCheck(check, [
      listingOf(type, [
        make('tagged', { owner: 'payments', 'data-classification': 'confidential' }),
        make('untagged', { Name: 'x' }),
        make('bad-value', { owner: 'ops', 'data-classification': 'secret-ish' }),
      ]),
    ], { policy: REQUIRED_TAGS_POLICY });
    expect(statuses(results)).toEqual([['tagged', 'PASS'], ['untagged', 'FAIL'], ['bad-value', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ required: ['owner', 'data-classification'], missing: ['owner', 'data-classification'], invalid: [] });
    expect(results[2]?.evidence).toMatchObject({ missing: [], invalid: [{ key: 'data-classification', value: 'secret-ish' }] });
  });

  test('NOT_APPLICABLE when no rule applies to the type', () => {
    const results = runCheck(check, [listingOf(type, [make('any', {})])], { policy: { requiredTags: [{ key: 'owner', resourceTypes: ['azure.*'] }] } });
    expect(results[0]).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { rules: 0 } });
  });

  test('NOT_ASSESSED while policy.requiredTags is empty', () => {
    expectNotAssessed(runCheck(check, [listingOf(type, [make('any', {})])]), 'policy.requiredTags');
  });

  test('ERROR when the resources could not be listed', () => {
    expect(runCheck(check, [failedListingOf(type, 'tag:GetResources')], { policy: REQUIRED_TAGS_POLICY })[0]?.status).toBe('ERROR');
  });
}
