import type { protos } from '@google-cloud/resource-manager';
import { mapObserved, type Observed } from '../../../src/core/observed.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import type { Listing } from '../../../src/core/inventory.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import type { GcpAuditConfig, GcpIamBinding, GcpLogSink } from '../model/types.js';
import { all, observe, where, type GcpContext, type ProjectContext } from './context.js';
import { ancestorSinks } from './logging.js';
import { toAuditConfigs, toBindings } from './normalise.js';

type IPolicy = protos.google.iam.v1.IPolicy;
interface ContainerPolicy {
  readonly bindings: GcpIamBinding[];
  readonly auditConfigs: GcpAuditConfig[];
}

/** The project's own IAM policy, read once for the tasks that need it. */
export function projectPolicy(ctx: ProjectContext): Promise<Observed<IPolicy>> {
  const id = ctx.project.projectId;
  return ctx.memo('policy', () =>
    observe(
      ctx.caller.call({ service: 'resourcemanager', operation: 'resourcemanager.projects.getIamPolicy', account: id }, async () => {
        const [policy] = await ctx.clients.projects.getIamPolicy({ resource: `projects/${id}`, options: { requestedPolicyVersion: 3 } }, { timeout: ctx.timeoutMs });
        return policy;
      }),
      'resourcemanager.projects.getIamPolicy',
      id,
    ),
  );
}

/** `projects/p`, then its folders, then the organisation. */
export function ancestry(ctx: ProjectContext): Promise<Observed<string[]>> {
  const { project, discovery } = ctx;
  return observe(
    (async () => {
      const chain = [`projects/${project.projectId}`];
      let node = project.parent;
      for (let depth = 0; node && depth < 12; depth++) {
        chain.push(node);
        node = node.startsWith('folders/') ? await discovery.parentOfFolder(node) : null;
      }
      return chain;
    })(),
    'resourcemanager.folders.get',
    project.projectId,
  );
}

/** A folder's or the organisation's IAM policy, read once per scan for every project under it. */
function containerPolicy(ctx: GcpContext, container: string): Promise<Observed<ContainerPolicy>> {
  return ctx.scanMemo(`policy:${container}`, () => {
    const isOrg = container.startsWith('organizations/');
    const operation = isOrg ? 'resourcemanager.organizations.getIamPolicy' : 'resourcemanager.folders.getIamPolicy';
    return observe(
      ctx.caller.call({ service: 'resourcemanager', operation, account: container }, async () => {
        const request = { resource: container, options: { requestedPolicyVersion: 3 } };
        const [policy] = isOrg
          ? await ctx.clients.organizations.getIamPolicy(request, { timeout: ctx.timeoutMs })
          : await ctx.clients.folders.getIamPolicy(request, { timeout: ctx.timeoutMs });
        return { bindings: toBindings(policy, container), auditConfigs: toAuditConfigs(policy, container) };
      }),
      operation,
      container,
    );
  });
}

/** The `resourcemanager` task of a project: the project (with its inherited sinks) and its effective IAM policy. */
export async function projectPolicies(ctx: ProjectContext): Promise<Listing[]> {
  const { project, scope } = ctx;
  const id = project.projectId;
  const [policy, chain] = await Promise.all([projectPolicy(ctx), ancestry(ctx)]);
  let inheritedBindings: Observed<GcpIamBinding[]>;
  let inheritedAudit: Observed<GcpAuditConfig[]>;
  let inheritedSinks: Observed<GcpLogSink[]>;
  if (!chain.ok) {
    inheritedBindings = inheritedAudit = inheritedSinks = chain;
  } else {
    const ancestors = chain.value.slice(1);
    const [policies, sinks] = await Promise.all([
      Promise.all(ancestors.map((a) => containerPolicy(ctx, a))),
      Promise.all(ancestors.map((a) => ancestorSinks(ctx, a))),
    ]);
    const policiesAll = all(policies);
    inheritedBindings = mapObserved(policiesAll, (ps) => ps.flatMap((p) => p.bindings));
    inheritedAudit = mapObserved(policiesAll, (ps) => ps.flatMap((p) => p.auditConfigs));
    inheritedSinks = mapObserved(all(sinks), (ss) => ss.flat().filter((s) => s.includeChildren));
  }
  const ancestryNames = chain.ok ? chain.value : [`projects/${id}`];
  const here = where(ctx, GLOBAL_REGION);
  const projectResource = resource('gcp.project', here, {
    id: `//cloudresourcemanager.googleapis.com/projects/${id}`,
    name: id,
    data: { projectId: id, projectNumber: project.projectNumber, parent: project.parent, ancestry: ancestryNames, state: project.state, inheritedSinks },
  });
  const policyListing: Listing = policy.ok
    ? listing(scope, 'gcp.project.iam-policy', [
        resource('gcp.project.iam-policy', here, {
          id: `//cloudresourcemanager.googleapis.com/projects/${id}/iamPolicy`,
          name: id,
          data: {
            projectId: id,
            ancestry: ancestryNames,
            bindings: toBindings(policy.value, `projects/${id}`),
            inheritedBindings,
            auditConfigs: mapObserved(inheritedAudit, (inherited) => [...toAuditConfigs(policy.value, `projects/${id}`), ...inherited]),
          },
        }),
      ])
    : failedListing(scope, 'gcp.project.iam-policy', policy.error);
  return [listing(scope, 'gcp.project', [projectResource]), policyListing];
}

/** The `resourcemanager` task of the organisation target: the organisation's and every folder's IAM policy. */
export async function containerPolicies(ctx: GcpContext, containers: readonly string[]): Promise<Listing[]> {
  const { scope } = ctx;
  const policies = await Promise.all(containers.map((c) => containerPolicy(ctx, c)));
  const failed = policies.find((p) => !p.ok);
  if (failed && !failed.ok) return [failedListing(scope, 'gcp.iam.policy', failed.error)];
  return [
    listing(scope, 'gcp.iam.policy', containers.map((c, i) => {
      const p = policies[i];
      const kind = c.startsWith('organizations/') ? 'Organization' : 'Folder';
      const fullName = `//cloudresourcemanager.googleapis.com/${c}`;
      return resource('gcp.iam.policy', where(ctx, GLOBAL_REGION), { id: `${fullName}#iamPolicy`, name: c, data: { resource: fullName, assetType: `cloudresourcemanager.googleapis.com/${kind}`, bindings: p?.ok ? p.value.bindings : [] } });
    })),
  ];
}
