import picomatch from 'picomatch';
import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { regionOfLocation } from '../support.js';

export default defineCheck({
  id: 'gcp-asset-location-allowed',
  title: 'Resources are located only in allowed locations',
  provider: 'gcp',
  service: 'asset',
  resourceType: 'gcp.asset',
  duty: 'data-residency',
  severity: 'high',
  rationale:
    'Contracts and data-protection law often bind data to a jurisdiction. A resource in a region (or multi-region) outside the allowed list ' +
    'may store or process data where it must not be.',
  remediation: {
    text: 'Recreate the resource in an allowed location and migrate its data, then enforce the organisation policy gcp.resourceLocations.',
    cli: 'gcloud resource-manager org-policies allow gcp.resourceLocations in:eu-locations --organization=ORG',
  },
  references: ['https://cloud.google.com/resource-manager/docs/organization-policy/defining-locations'],
  assess(asset, ctx) {
    const allowed = ctx.policy.allowedRegions.gcp;
    const location = asset.data.location;
    if (location === '' || location.toLowerCase() === 'global') {
      return ctx.notApplicable('A global resource has no location', { location });
    }
    if (!allowed) return ctx.notAssessed('policy.allowedRegions.gcp', { allowed: null });
    const region = regionOfLocation(location);
    const matched = allowed.find((glob) => {
      const match = picomatch(glob, { nocase: true });
      return match(location) || match(region);
    });
    const evidence = { location, region, allowed };
    return matched !== undefined
      ? ctx.pass(`Located in ${location}`, { ...evidence, matched })
      : ctx.fail(`Located in ${location}, outside the allowed locations`, evidence);
  },
});
