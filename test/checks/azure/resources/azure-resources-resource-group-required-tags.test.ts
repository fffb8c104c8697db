import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/resources/azure-resources-resource-group-required-tags.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, list, resourceGroup } from '../fixtures.js';

const policy = { requiredTags: [{ key: 'cost-center', pattern: '[0-9]{4}' }] };

describe('azure-resources-resource-group-required-tags', () => {
  it('passes tagged groups and fails the others', () => {
    const results = runCheck(check, [list('azure.resources.resource-group', [resourceGroup('rg-ok', { 'cost-center': '1234' }), resourceGroup('rg-bad', { 'cost-center': 'marketing' }), resourceGroup('rg-none')])], { policy });
    expect(statuses(results)).toEqual([['rg-ok', 'PASS'], ['rg-bad', 'FAIL'], ['rg-none', 'FAIL']]);
    expect(results[2]?.evidence).toEqual({ required: ['cost-center'], missing: ['cost-center'], invalid: [], requirementSource: ['config'] });
  });
  it('is NOT_ASSESSED without rules, NOT_APPLICABLE without groups or rules for them, ERROR for a failed listing', () => {
    expectNotAssessed(runCheck(check, [list('azure.resources.resource-group', [resourceGroup('rg')])]), 'policy.requiredTags');
    expect(runCheck(check, [list('azure.resources.resource-group', [resourceGroup('rg')])], { policy: { requiredTags: [{ key: 'owner', resourceTypes: ['aws.*'] }] } }).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [list('azure.resources.resource-group', [])], { policy }).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed('azure.resources.resource-group', 'Microsoft.Resources/subscriptions/resourceGroups/read')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
});
