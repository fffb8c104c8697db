import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/resources/azure-resources-resource-allowed-location.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, genericResource, list } from '../fixtures.js';

const policy = { allowedRegions: { azure: ['West Europe', 'northeurope'] } };

describe('azure-resources-resource-allowed-location', () => {
  it('compares normalised location names', () => {
    const results = runCheck(check, [list('azure.resources.resource', [genericResource('we', {}, 'westeurope'), genericResource('us', {}, 'eastus'), genericResource('dns', {}, 'global')])], { policy });
    expect(statuses(results)).toEqual([['we', 'PASS'], ['us', 'FAIL'], ['dns', 'NOT_APPLICABLE']]);
    expect(results[1]?.evidence).toMatchObject({ location: 'eastus', allowed: ['West Europe', 'northeurope'] });
  });
  it('is NOT_ASSESSED when residency is not constrained, and NOT_APPLICABLE for a global resource all the same', () => {
    expectNotAssessed(runCheck(check, [list('azure.resources.resource', [genericResource('us', {}, 'eastus')])]), 'policy.allowedRegions.azure');
    expect(statuses(runCheck(check, [list('azure.resources.resource', [genericResource('dns', {}, 'global')])]))).toEqual([['dns', 'NOT_APPLICABLE']]);
  });
  it('is ERROR when resources could not be listed', () => {
    expect(runCheck(check, [failed('azure.resources.resource', 'Microsoft.Resources/resources/read')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
});
