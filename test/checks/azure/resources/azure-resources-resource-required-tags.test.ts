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
  it('judges every ARM type unless the type filters (globs over the ARM type) leave it out', () => {
    const resources = list('azure.resources.resource', [genericResource('untagged')]);
    expect(runCheck(check, [resources], { policy }).map((r) => r.status)).toEqual(['FAIL']);
    const type = resources.items.ok ? resources.items.value[0]!.data.resourceType : '';
    const provider = type.split('/')[0]!;
    expect(runCheck(check, [resources], { policy, params: { includeTypes: ['**'], excludeTypes: [`${provider.toLowerCase()}/*`] } }).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [resources], { policy, params: { includeTypes: [`${provider}/*`], excludeTypes: [] } }).map((r) => r.status)).toEqual(['FAIL']);
  });
  it('is ERROR when resources could not be listed', () => {
    expect(runCheck(check, [failed('azure.resources.resource', 'Microsoft.Resources/resources/read')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
});
