import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { assessTags, describeTagProblems, tagRulesFor } from '../policy-rules.js';

export default defineCheck({
  id: 'azure-resources-resource-group-required-tags',
  title: 'Resource groups carry the tags the organisation requires',
  provider: 'azure',
  service: 'resources',
  resourceType: 'azure.resources.resource-group',
  duty: 'tagging',
  severity: 'low',
  rationale:
    'A resource group is the unit most teams own and pay for; its tags name the owner when a resource inside is untagged. ' +
    'The rules come from `policy.requiredTags`, compared as for resources.',
  remediation: {
    text: 'Add the missing tags to the resource group, and assign the Azure Policy "Require a tag on resource groups".',
    cli: 'az group update --name <rg> --tags owner=<team>',
  },
  assess(group, ctx) {
    if (ctx.policy.requiredTags.length === 0) return ctx.notAssessed('policy.requiredTags');
    const rules = tagRulesFor(group.type, ctx.policy);
    if (rules.length === 0) return ctx.notApplicable('No required-tag rule applies to resource groups', {});
    const result = assessTags(group.tags, rules);
    return result.missing.length + result.invalid.length === 0
      ? ctx.pass('Every required tag is present and valid', { ...result })
      : ctx.fail(`Required tags ${describeTagProblems(result)}`, { ...result });
  },
});
