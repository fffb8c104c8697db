import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/resources/azure-resources-resource-required-tags.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, genericResource, list } from '../fixtures.js';

const policy = { requiredTags: [{ key: 'owner' }, { key: 'env', pattern: 'prod|test' }] };

describe('azure-resources-resource-required-tags', () => {
  it('checks presence case-insensitively and values against the pattern', () => {
    const results = runCheck(check, [list('azure.resources.resource', [
      genericResource('tagged', { Owner: 'team-a', env: 'prod' }),
      genericResource('untagged'),
      genericResource('wrong-env', { owner: 'team-a', env: 'staging' }),
    ])], { policy });
    expect(statuses(results)).toEqual([['tagged', 'PASS'], ['untagged', 'FAIL'], ['wrong-env', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ required: ['owner', 'env'], missing: ['owner', 'env'], invalid: [] });
    expect(results[2]?.evidence).toMatchObject({ missing: [], invalid: [{ key: 'env', value: 'staging', pattern: 'prod|test' }] });
  });
  it('is NOT_APPLICABLE when no rule applies to the type', () => {
    const results = runCheck(check, [list('azure.resources.resource', [genericResource('x')])], { policy: { requiredTags: [{ key: 'owner', resourceTypes: ['aws.*'] }] } });
    expect(results.map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('is NOT_ASSESSED while policy.requiredTags is empty', () => {
    expectNotAssessed(runCheck(check, [list('azure.resources.resource', [genericResource('x')])]), 'policy.requiredTags');
  });
  it('is ERROR when resources could not be listed', () => {
    expect(runCheck(check, [failed('azure.resources.resource', 'Microsoft.Resources/resources/read')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
});
