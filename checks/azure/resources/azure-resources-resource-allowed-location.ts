import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { normaliseLocation } from '../policy-rules.js';

export default defineCheck({
  id: 'azure-resources-resource-allowed-location',
  title: 'Azure resources are located only where the organisation allows',
  provider: 'azure',
  service: 'resources',
  resourceType: 'azure.resources.resource',
  duty: 'data-residency',
  severity: 'high',
  rationale:
    'Data-residency clauses restrict where customer data may be stored and processed; a resource created in another location may move data out of the agreed jurisdiction. ' +
    'Allowed locations come from `policy.allowedRegions.azure`. Non-regional resources (location `global`) have no location to judge.',
  remediation: {
    text: 'Move or recreate the resource in an allowed location, and assign the Azure Policy "Allowed locations" to prevent new ones elsewhere.',
    cli: 'az policy assignment create --name allowed-locations --policy e56962a6-4747-49cd-b67b-bf8b01975c4c --params \'{"listOfAllowedLocations":{"value":["westeurope"]}}\'',
  },
  assess(resource, ctx) {
    const allowed = ctx.policy.allowedRegions.azure;
    const location = normaliseLocation(resource.region);
    const evidence = { location: resource.region, allowed: allowed ?? null, resourceType: resource.data.resourceType };
    if (location === 'global' || location === '') return ctx.notApplicable('The resource is not bound to a location', evidence);
    if (!allowed) return ctx.notAssessed('policy.allowedRegions.azure', evidence);
    return allowed.map(normaliseLocation).includes(location)
      ? ctx.pass(`Located in ${resource.region}`, evidence)
      : ctx.fail(`Located in ${resource.region}, outside the allowed locations`, evidence);
  },
});
