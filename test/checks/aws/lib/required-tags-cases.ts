import { expect, test } from 'vitest';
import type { AnyCheck } from '../../../../src/core/check.js';
import type { Resource } from '../../../../src/core/resource.js';
import type { AwsResourceType } from '../../../../providers/aws/model/index.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { effectiveTagPolicy, failedListingOf, listingOf } from '../../../fixtures/aws.js';

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
    expect(results[1]?.evidence).toMatchObject({ required: ['owner', 'data-classification'], missing: ['owner', 'data-classification'], invalid: [], requirementSource: ['config'] });
    expect(results[2]?.evidence).toMatchObject({ missing: [], invalid: [{ key: 'data-classification', value: 'secret-ish' }] });
  });

  test('NOT_APPLICABLE when no rule applies to the type', () => {
    const results = runCheck(check, [listingOf(type, [make('any', {})])], { policy: { requiredTags: [{ key: 'owner', resourceTypes: ['azure.*'] }] } });
    expect(results[0]).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { rules: 0 } });
  });

  test('NOT_ASSESSED while policy.requiredTags is empty', () => {
    expectNotAssessed(runCheck(check, [listingOf(type, [make('any', {})])]), 'policy.requiredTags');
  });

  test('without config rules, the account\'s effective tag policy is the requirement, named as the source', () => {
    const policy = effectiveTagPolicy({ tags: { costcenter: { tag_key: 'CostCenter', tag_value: ['100', '2*'], report_required_tag_for: [`${type.split('.')[1]}:*`] } } });
    const results = runCheck(check, [
      listingOf('aws.organizations.tag-policy', [policy]),
      listingOf(type, [make('ok', { CostCenter: '250' }), make('wrong-case', { costcenter: '100' })]),
    ]);
    expect(statuses(results)).toEqual([['ok', 'PASS'], ['wrong-case', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ missing: ['CostCenter'], requirementSource: ['organizations:effective-tag-policy/111111111111'] });
  });

  test('NOT_ASSESSED when neither the config nor a tag policy requires a tag; ERROR when the tag policy could not be read', () => {
    const noRequired = effectiveTagPolicy({ tags: { costcenter: { tag_key: 'CostCenter', tag_value: ['100'] } } });
    expectNotAssessed(runCheck(check, [listingOf('aws.organizations.tag-policy', [noRequired]), listingOf(type, [make('any', {})])]), 'policy.requiredTags');
    expectNotAssessed(runCheck(check, [listingOf('aws.organizations.tag-policy', [effectiveTagPolicy()]), listingOf(type, [make('any', {})])]), 'policy.requiredTags');
    const unread = runCheck(check, [failedListingOf('aws.organizations.tag-policy', 'organizations:DescribeEffectivePolicy'), listingOf(type, [make('any', {})])]);
    expect(unread[0]).toMatchObject({ status: 'ERROR' });
    expect(unread[0]?.message).toContain('organizations:DescribeEffectivePolicy');
    // With config rules the tag policy is not consulted: its failure does not matter.
    expect(runCheck(check, [failedListingOf('aws.organizations.tag-policy', 'organizations:DescribeEffectivePolicy'), listingOf(type, [make('any', { owner: 'x', 'data-classification': 'internal' })])], { policy: REQUIRED_TAGS_POLICY })[0]?.status).toBe('PASS');
  });

  test('ERROR when the resources could not be listed', () => {
    expect(runCheck(check, [failedListingOf(type, 'tag:GetResources')], { policy: REQUIRED_TAGS_POLICY })[0]?.status).toBe('ERROR');
  });
}
