import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { seen } from '../../../src/core/observed.js';
import { azureTagPolicy } from '../lib/tag-policy.js';
import { AZURE_TAGS, assessRequiredTags } from '../../families/tags.js';

export default defineCheck({
  id: 'azure-resources-resource-group-required-tags',
  title: 'Resource groups carry the tags the organisation requires',
  provider: 'azure',
  service: 'resources',
  resourceType: 'azure.resources.resource-group',
  uses: ['azure.policy.tag-assignment'],
  duty: 'tagging',
  severity: 'low',
  rationale:
    'A resource group is the unit most teams own and pay for; its tags name the owner when a resource inside is untagged. ' +
    'The rules come from `policy.requiredTags` or, when it sets none, from the Azure Policy "require a tag on resource groups" assignments that reach the group; compared as for resources.',
  remediation: {
    text: 'Add the missing tags to the resource group, and assign the Azure Policy "Require a tag on resource groups".',
    cli: 'az group update --name <rg> --tags owner=<team>',
  },
  assess: (group, ctx) => assessRequiredTags({ type: group.type, tags: seen(group.tags) }, ctx, AZURE_TAGS, azureTagPolicy(ctx, group)),
});
