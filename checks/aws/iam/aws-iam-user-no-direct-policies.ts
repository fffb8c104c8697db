import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-iam-user-no-direct-policies',
  title: 'IAM users receive permissions only through groups',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  duty: 'least-privilege',
  severity: 'low',
  rationale:
    'Permissions attached to individual users drift apart and outlive the reason they were granted; through groups they are reviewed per job function, as access reviews expect.',
  remediation: {
    text: 'Move the user\'s managed and inline policies to a group for the job function, add the user to it, and remove the direct policies.',
    cli: 'aws iam add-user-to-group --group-name GROUP --user-name USER',
  },
  assess(user, ctx) {
    const attached = user.data.attachedManagedPolicies.map((p) => p.policyArn);
    const inline = user.data.userPolicyList.map((p) => p.policyName);
    return attached.length + inline.length > 0
      ? ctx.fail(`The user has ${attached.length + inline.length} policy(ies) attached directly`, { attached, inline })
      : ctx.pass('The user has no directly attached policies', { attached, inline });
  },
});
