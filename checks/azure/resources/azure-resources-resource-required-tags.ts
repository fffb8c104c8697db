import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { seen } from '../../../src/core/observed.js';
import { AZURE_TAGS, assessRequiredTags } from '../../families/tags.js';

export default defineCheck({
  id: 'azure-resources-resource-required-tags',
  title: 'Azure resources carry the tags the organisation requires',
  provider: 'azure',
  service: 'resources',
  resourceType: 'azure.resources.resource',
  duty: 'tagging',
  severity: 'low',
  rationale:
    'Owner, cost-centre and data-classification tags are how an incident, a bill or a data-protection request reaches the people responsible. ' +
    'The rules come from `policy.requiredTags`: each key must be present and, where a pattern is given, its value must match it. Tag names are compared case-insensitively, as Azure does.',
  remediation: {
    text: 'Add the missing tags, and enforce them with an Azure Policy assignment ("Require a tag on resources") so new resources cannot be created without them.',
    cli: 'az tag update --resource-id <id> --operation merge --tags owner=<team>',
  },
  assess: (resource, ctx) => assessRequiredTags({ type: resource.type, tags: seen(resource.tags), evidence: { resourceType: resource.data.resourceType } }, ctx, AZURE_TAGS),
});
