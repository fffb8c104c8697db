import { describe, expect, it } from 'vitest';
import groupTags from '../../../../checks/azure/resources/azure-resources-resource-group-required-tags.js';
import resourceTags from '../../../../checks/azure/resources/azure-resources-resource-required-tags.js';
import { expectNotAssessed, runCheck } from '../../../support/checks.js';
import { resource } from '../../../../src/inventory/build.js';
import { GLOBAL_REGION } from '../../../../src/core/resource.js';
import { denied, failed, genericResource, list, resourceGroup, SUB, tagAssignment } from '../fixtures.js';

/** With no `policy.requiredTags`, the Azure tag checks judge by the "require a tag" assignments that reach each resource. */
const ON_RESOURCES = '871b6d14-10aa-478d-b590-94f262ecfa99';
const VALUE_ON_RESOURCES = '1e30110a-5ceb-460c-a204-c1c3969c6d62';
const ON_GROUPS = '96670d01-0a4d-4649-9c89-2d3abc0a5025';
const VALUE_ON_GROUPS = '8ce3da23-7156-49e4-b145-24f95f9dcb46';
const sourceOf = (name: string, scope = `/subscriptions/${SUB}`) => `azure-policy-assignment:${name} ${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`;

const resources = list('azure.resources.resource', [genericResource('owned', { Owner: 'team-a', env: 'PROD' }), genericResource('bare')]);
const groups = list('azure.resources.resource-group', [resourceGroup('rg-app', { costcenter: 'CC-1' }), resourceGroup('rg-other')]);
const assignments = (...items: ReturnType<typeof tagAssignment>[]) => list('azure.policy.tag-assignment', items);
const outcome = (results: ReturnType<typeof runCheck>) => results.map((r) => [r.resource.name, r.status, r.evidence['requirementSource']]);

describe('Azure tag checks judged by Azure Policy "require a tag" assignments', () => {
  it('passes and fails each resource by the assignments that reach it, naming them as the source', () => {
    const owner = tagAssignment('require-owner', ON_RESOURCES, { tagName: 'owner' });
    const env = tagAssignment('require-env-prod', VALUE_ON_RESOURCES, { tagName: 'env', tagValue: 'prod' });
    const results = runCheck(resourceTags, [resources, assignments(owner, env)]);
    const both = [sourceOf('require-owner'), sourceOf('require-env-prod')];
    // Tag names and (as Azure Policy's `equals` compares) values are case-insensitive.
    expect(outcome(results)).toEqual([['owned', 'PASS', both], ['bare', 'FAIL', both]]);
    expect(results[1]?.evidence).toMatchObject({ missing: ['owner', 'env'] });
    const wrong = runCheck(resourceTags, [list('azure.resources.resource', [genericResource('dev', { owner: 'a', env: 'dev' })]), assignments(env)]);
    expect(wrong.map((r) => [r.status, r.evidence['invalid']])).toMatchObject([['FAIL', [{ key: 'env', value: 'dev' }]]]);
  });

  it('applies resource-group definitions to resource groups only: NOT_APPLICABLE on resources, with the assignment as source', () => {
    const cost = tagAssignment('require-costcenter', VALUE_ON_GROUPS, { tagName: 'costcenter', tagValue: 'CC-1' });
    expect(outcome(runCheck(resourceTags, [resources, assignments(cost)]))).toEqual([
      ['owned', 'NOT_APPLICABLE', [sourceOf('require-costcenter')]],
      ['bare', 'NOT_APPLICABLE', [sourceOf('require-costcenter')]],
    ]);
    expect(outcome(runCheck(groupTags, [groups, assignments(cost)]))).toEqual([
      ['rg-app', 'PASS', [sourceOf('require-costcenter')]],
      ['rg-other', 'FAIL', [sourceOf('require-costcenter')]],
    ]);
    // And a definition on resources says nothing of the groups.
    const owner = tagAssignment('require-owner', ON_RESOURCES, { tagName: 'owner' });
    expect(runCheck(groupTags, [groups, assignments(owner)]).map((r) => r.status)).toEqual(['NOT_APPLICABLE', 'NOT_APPLICABLE']);
  });

  it('judges by scope: a resource group assignment reaches its resources only, notScopes leave theirs out, a management group reaches all', () => {
    const rg = (name: string) => `/subscriptions/${SUB}/resourceGroups/${name}`;
    const elsewhere = tagAssignment('owner-in-rg-other', ON_RESOURCES, { tagName: 'owner' }, { scope: rg('rg-other') });
    const results = runCheck(resourceTags, [resources, assignments(elsewhere)]);
    expect(outcome(results)).toEqual([['owned', 'NOT_APPLICABLE', [sourceOf('owner-in-rg-other', rg('rg-other'))]], ['bare', 'NOT_APPLICABLE', [sourceOf('owner-in-rg-other', rg('rg-other'))]]]);
    expect(results[0]?.message).toContain('out of scope');
    const here = tagAssignment('owner-in-rg-app', ON_RESOURCES, { tagName: 'owner' }, { scope: rg('RG-APP') });
    expect(runCheck(resourceTags, [resources, assignments(here)]).map((r) => r.status)).toEqual(['PASS', 'FAIL']);
    const exempt = tagAssignment('owner-but-rg-app', ON_RESOURCES, { tagName: 'owner' }, { notScopes: [rg('rg-app')] });
    expect(runCheck(resourceTags, [resources, assignments(exempt)]).map((r) => r.status)).toEqual(['NOT_APPLICABLE', 'NOT_APPLICABLE']);
    const group = tagAssignment('owner-everywhere', ON_GROUPS, { tagName: 'owner' }, { scope: '/providers/Microsoft.Management/managementGroups/contoso' });
    expect(runCheck(groupTags, [groups, assignments(group)]).map((r) => r.status)).toEqual(['FAIL', 'FAIL']);
  });

  it('says when an assignment is DoNotEnforce: it still declares the requirement', () => {
    const audit = tagAssignment('owner-audit', ON_RESOURCES, { tagName: 'owner' }, { enforcementMode: 'DoNotEnforce' });
    const results = runCheck(resourceTags, [resources, assignments(audit)]);
    expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL']);
    expect(results[1]?.evidence['requirementSource']).toEqual([`${sourceOf('owner-audit')} (DoNotEnforce: declared, not enforced)`]);
  });

  it('is NOT_ASSESSED with neither config nor assignment, never a pass; ERROR when the assignments could not be read', () => {
    expectNotAssessed(runCheck(resourceTags, [resources, assignments()]), 'policy.requiredTags');
    expectNotAssessed(runCheck(groupTags, [groups, assignments()]), 'policy.requiredTags');
    const results = runCheck(resourceTags, [resources, failed('azure.policy.tag-assignment', 'Microsoft.Authorization/policyAssignments/read')]);
    expect(results.map((r) => [r.status, r.error?.operation])).toEqual([['ERROR', 'Microsoft.Authorization/policyAssignments/read'], ['ERROR', 'Microsoft.Authorization/policyAssignments/read']]);
  });

  it('lets the config win outright: the assignments are then neither read nor named', () => {
    const owner = tagAssignment('require-owner', ON_RESOURCES, { tagName: 'owner' });
    const policy = { requiredTags: [{ key: 'env' }] };
    expect(outcome(runCheck(resourceTags, [resources, assignments(owner)], { policy }))).toEqual([['owned', 'PASS', ['config']], ['bare', 'FAIL', ['config']]]);
    // A refused read of the assignments does not matter then.
    expect(runCheck(resourceTags, [resources, failed('azure.policy.tag-assignment', 'Microsoft.Authorization/policyAssignments/read')], { policy }).map((r) => r.status)).toEqual(['PASS', 'FAIL']);
  });

  it('a resource group whose assignments could not be read is an ERROR for what is in it alone', () => {
    const scope = `/subscriptions/${SUB}/resourceGroups/rg-app`;
    const unread = resource('azure.policy.tag-assignment', { provider: 'azure', account: SUB, region: GLOBAL_REGION }, { id: scope, name: 'resourceGroups/rg-app', data: { scope, unread: denied('Microsoft.Authorization/policyAssignments/read') } });
    const owner = tagAssignment('require-owner', ON_RESOURCES, { tagName: 'owner' });
    const outside = genericResource('other', {}, 'westeurope', { resourceGroup: 'rg-x' });
    const both = list('azure.resources.resource', [genericResource('owned', { owner: 'a' }), { ...outside, id: outside.id.replace('/rg-app/', '/rg-x/') }]);
    expect(runCheck(resourceTags, [both, assignments(owner, unread)]).map((r) => [r.resource.name, r.status, r.error?.operation])).toEqual([
      ['owned', 'ERROR', 'Microsoft.Authorization/policyAssignments/read'],
      ['other', 'FAIL', undefined],
    ]);
    expect(runCheck(groupTags, [groups, assignments(owner, unread)]).map((r) => r.status)).toEqual(['ERROR', 'NOT_APPLICABLE']);
  });
});
