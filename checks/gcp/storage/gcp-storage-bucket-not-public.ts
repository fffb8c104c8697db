import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { grantsOf, isPublicMember } from '../support.js';

export default defineCheck({
  id: 'gcp-storage-bucket-not-public',
  title: 'Cloud Storage buckets are not publicly accessible',
  provider: 'gcp',
  service: 'storage',
  resourceType: 'gcp.storage.bucket',
  duty: 'network-exposure',
  severity: 'critical',
  rationale:
    'A bucket whose IAM policy grants a role to allUsers or allAuthenticatedUsers serves its objects to anyone. ' +
    'Public access prevention, when enforced, overrides such grants; otherwise they are live.',
  remediation: {
    text: 'Remove the public members from the bucket policy and enforce public access prevention on the bucket (or through the organisation policy storage.publicAccessPrevention).',
    cli: 'gcloud storage buckets update gs://BUCKET --public-access-prevention',
  },
  references: ['https://cloud.google.com/storage/docs/public-access-prevention', 'CIS Google Cloud Platform Foundation 3.0.0 5.1'],
  assess(bucket, ctx) {
    if (bucket.data.publicAccessPrevention === 'enforced') {
      return ctx.pass('Public access prevention is enforced', { publicAccessPrevention: 'enforced' });
    }
    const publicGrants = grantsOf(ctx.known(bucket.data.iamBindings)).filter((g) => isPublicMember(g.member));
    if (publicGrants.length > 0) {
      return ctx.fail(`The bucket grants ${[...new Set(publicGrants.map((g) => g.role))].join(', ')} to the public`, {
        publicAccessPrevention: bucket.data.publicAccessPrevention,
        grants: publicGrants.map(({ role, member }) => ({ role, member })),
      });
    }
    return ctx.pass('No public member in the bucket policy', { publicAccessPrevention: bucket.data.publicAccessPrevention, grants: [] });
  },
});
