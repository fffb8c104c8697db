import type { Bucket } from '@google-cloud/storage';
import { seen, type Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { GcpIamBinding } from '../model/types.js';
import { observe, present, where, type ProjectContext, type TypeCollectors } from './context.js';
import { jsonObject } from './errors.js';
import { labelsOf, toBindings, toBucket } from './normalise.js';

/** One page of `getBuckets`: the library types the next request as `{}`; it carries the page token. */
type BucketsPage = [Bucket[], { pageToken?: string } | null, unknown];

/** Buckets with their IAM policies: from Cloud Asset Inventory when it ran, else one call per bucket. */
async function buckets(ctx: ProjectContext) {
  const id = ctx.project.projectId;
  if (!present(ctx, 'storage.googleapis.com/Bucket')) return seen([]);
  const listed = await observe(
    ctx.caller.pages({ service: 'storage', operation: 'storage.buckets.list', account: id }, async (token) => {
      const [page, nextQuery, answer]: BucketsPage = await ctx.clients.storage.getBuckets({ project: id, autoPaginate: false, maxResults: 1000, ...(token ? { pageToken: token } : {}) });
      jsonObject(answer, 'storage.buckets.list');
      return { items: page.map((b) => b.metadata), next: nextQuery?.pageToken ?? null };
    }),
    'storage.buckets.list',
    id,
  );
  if (!listed.ok) return listed;
  const caiPolicies = ctx.assets ? ctx.assets.policies.get(`projects/${ctx.project.projectNumber}`) ?? [] : null;
  return seen(await Promise.all(listed.value.map(async (b) => {
    const name = String(b.name);
    const fullName = `//storage.googleapis.com/${name}`;
    const bindings: Observed<readonly GcpIamBinding[]> = caiPolicies
      ? seen(caiPolicies.filter((p) => p.resource === fullName).flatMap((p) => p.bindings.map((x) => ({ ...x, source: fullName }))))
      : await observe(
          ctx.caller.call({ service: 'storage', operation: 'storage.buckets.getIamPolicy', account: id }, async () => {
            const [policy] = await ctx.clients.storage.bucket(name).iam.getPolicy({ requestedPolicyVersion: 3 });
            jsonObject(policy, 'storage.buckets.getIamPolicy');
            return toBindings(policy, fullName);
          }),
          'storage.buckets.getIamPolicy',
          id,
        );
    const data = toBucket(b, bindings);
    return resource('gcp.storage.bucket', where(ctx, data.location.toLowerCase()), { id: fullName, name, tags: labelsOf(b.labels), data });
  })));
}

export const storage: TypeCollectors = { 'gcp.storage.bucket': buckets };
