import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/resources/azure-resources-resource-allowed-location.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, genericResource, list } from '../fixtures.js';

const policy = { allowedRegions: { azure: ['West Europe', 'northeurope'] } };

describe('azure-resources-resource-allowed-location', () => {
  it('compares normalised location names', () => {
    const results = runCheck(check, [list('azure.resources.resource', [genericResource('we', {}, 'westeurope'), genericResource('us', {}, 'eastus'), genericResource('dns', {}, 'global')])], { policy });
    expect(statuses(results)).toEqual([['we', 'PASS'], ['us', 'FAIL'], ['dns', 'NOT_APPLICABLE']]);
    expect(results[1]?.evidence).toMatchObject({ location: 'eastus', allowed: ['West Europe', 'northeurope'] });
  });
  it('is NOT_APPLICABLE when residency is not constrained', () => {
    expect(runCheck(check, [list('azure.resources.resource', [genericResource('us', {}, 'eastus')])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('is ERROR when resources could not be listed', () => {
    expect(runCheck(check, [failed('azure.resources.resource', 'Microsoft.Resources/resources/read')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
});
