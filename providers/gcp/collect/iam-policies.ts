import type { Listing } from '../../../src/core/inventory.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import type { GcpIamBinding } from '../model/types.js';
import { where, type ProjectContext } from './context.js';
import { lastSegment, toBindings } from './normalise.js';
import { projectPolicy } from './resourcemanager.js';

/** The `iam-policies` task: IAM policies set on resources of the project (CAI), or the project's and its buckets' (fallback). */
export async function resourcePolicies(ctx: ProjectContext): Promise<Listing> {
  const { project, scope } = ctx;
  const id = project.projectId;
  const toResource = (fullName: string, assetType: string, bindings: readonly GcpIamBinding[]) =>
    resource('gcp.iam.policy', where(ctx, GLOBAL_REGION), { id: `${fullName}#iamPolicy`, name: lastSegment(fullName) || fullName, data: { resource: fullName, assetType, bindings } });
  if (ctx.assets) {
    const policies = ctx.assets.policies.get(`projects/${project.projectNumber}`) ?? [];
    return listing(scope, 'gcp.iam.policy', policies.map((p) => toResource(p.resource, p.assetType, p.bindings.map((b) => ({ ...b, source: p.resource })))));
  }
  const [policy, buckets] = await Promise.all([projectPolicy(ctx), ctx.listing('gcp.storage.bucket')]);
  if (!policy.ok) return failedListing(scope, 'gcp.iam.policy', policy.error);
  const projectName = `//cloudresourcemanager.googleapis.com/projects/${id}`;
  const out = [toResource(projectName, 'cloudresourcemanager.googleapis.com/Project', toBindings(policy.value, `projects/${id}`))];
  if (!buckets.ok && buckets.error.code !== 'NOT_ENABLED') return failedListing(scope, 'gcp.iam.policy', buckets.error);
  for (const b of buckets.ok ? buckets.value : []) {
    if (!b.data.iamBindings.ok) return failedListing(scope, 'gcp.iam.policy', b.data.iamBindings.error);
    out.push(toResource(b.id, 'storage.googleapis.com/Bucket', b.data.iamBindings.value));
  }
  return listing(scope, 'gcp.iam.policy', out);
}
