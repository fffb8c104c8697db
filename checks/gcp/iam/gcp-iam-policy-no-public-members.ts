import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { grantsOf, isPublicMember } from '../support.js';

export default defineCheck({
  id: 'gcp-iam-policy-no-public-members',
  title: 'No IAM policy grants a role to allUsers or allAuthenticatedUsers',
  provider: 'gcp',
  service: 'iam',
  resourceType: 'gcp.iam.policy',
  duty: 'network-exposure',
  severity: 'critical',
  rationale:
    'allUsers is anyone on the internet and allAuthenticatedUsers anyone with a Google account. A binding to either, on an organisation, ' +
    'folder, project, bucket, key or any other resource, publishes what the role allows.',
  remediation: {
    text: 'Remove the allUsers and allAuthenticatedUsers members from the policy; publish data deliberately through signed URLs or a CDN instead.',
    cli: 'gcloud asset search-all-iam-policies --scope=organizations/ORG --query="memberTypes:allUsers OR memberTypes:allAuthenticatedUsers"',
  },
  references: ['https://cloud.google.com/iam/docs/principals-overview#allusers', 'CIS Google Cloud Platform Foundation 3.0.0 1.9', 'CIS Google Cloud Platform Foundation 3.0.0 5.1'],
  assess(policy, ctx) {
    const publicGrants = grantsOf(policy.data.bindings).filter((g) => isPublicMember(g.member));
    if (publicGrants.length > 0) {
      return ctx.fail(`${publicGrants.length} public grant(s) on ${policy.data.assetType}`, {
        resource: policy.data.resource,
        grants: publicGrants.map(({ role, member, condition }) => ({ role, member, condition })),
      });
    }
    return ctx.pass('The policy has no public members', { resource: policy.data.resource, bindings: policy.data.bindings.length });
  },
});
