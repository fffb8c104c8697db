import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { seen } from '../../../src/core/observed.js';
import { azureTagPolicy } from '../lib/tag-policy.js';
import { AZURE_TAGS, assessRequiredTags, typeSelected, type TypeFilter } from '../../families/tags.js';

export default defineCheck({
  id: 'azure-resources-resource-required-tags',
  title: 'Azure resources carry the tags the organisation requires',
  provider: 'azure',
  service: 'resources',
  resourceType: 'azure.resources.resource',
  uses: ['azure.policy.tag-assignment'],
  duty: 'tagging',
  severity: 'low',
  rationale:
    'Owner, cost-centre and data-classification tags are how an incident, a bill or a data-protection request reaches the people responsible. ' +
    'The rules come from `policy.requiredTags` or, when it sets none, from the Azure Policy "require a tag on resources" assignments that reach the resource: each key must be present and, where a pattern is given, its value must match it. Tag names are compared case-insensitively, as Azure does.',
  remediation: {
    text: 'Add the missing tags, and enforce them with an Azure Policy assignment ("Require a tag on resources") so new resources cannot be created without them.',
    cli: 'az tag update --resource-id <id> --operation merge --tags owner=<team>',
  },
  // Every resource Resource Graph (or ARM) lists, whatever its type: the filters are globs over the
  // ARM type (`Microsoft.Storage/*`), compared case-insensitively as Azure does.
  defaults: { includeTypes: ['**'], excludeTypes: [] } satisfies TypeFilter as TypeFilter,
  assess(resource, ctx) {
    const evidence = { resourceType: resource.data.resourceType };
    if (!typeSelected(resource.data.resourceType, ctx.params)) return ctx.notApplicable(`${resource.data.resourceType} is outside this check's type filters`, evidence);
    return assessRequiredTags({ type: resource.type, tags: seen(resource.tags), evidence }, ctx, AZURE_TAGS, azureTagPolicy(ctx, resource));
  },
});
