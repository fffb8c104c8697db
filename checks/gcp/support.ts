import type { AssessContext, Params, Verdict } from '../../src/core/check.js';
import type { Resource } from '../../src/core/resource.js';
import type { GcpGkeNodePool } from '../../providers/gcp/model/container.js';
import type { GcpEssentialContact } from '../../providers/gcp/model/essentialcontacts.js';
import type { GcpIamBinding } from '../../providers/gcp/model/types.js';

/** Members that make a binding public: anyone on the internet, or anyone with a Google account. */
export const PUBLIC_MEMBERS: readonly string[] = ['allUsers', 'allAuthenticatedUsers'];

export const isPublicMember = (member: string): boolean => PUBLIC_MEMBERS.includes(member);

/** One (role, member) grant, flattened from a binding, keeping where it is set. */
export interface Grant {
  readonly role: string;
  readonly member: string;
  readonly source: string;
  readonly condition: string | null;
}

export function grantsOf(bindings: readonly GcpIamBinding[]): Grant[] {
  return bindings.flatMap((b) => b.members.map((member) => ({ role: b.role, member, source: b.source, condition: b.condition })));
}

/** `europe-west1-b` -> `europe-west1`; regions, multi-regions and `global` unchanged. */
export function regionOfLocation(location: string): string {
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(location) ? location.slice(0, location.lastIndexOf('-')) : location;
}

/** The last path segment of a GCP resource URL or name. */
export const lastSegment = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/**
 * A Compute metadata key as the VM sees it: its own value, else the project's common metadata
 * (read only when the VM does not set it, so an unreadable project metadata matters only then).
 */
export function effectiveMetadata(instance: Resource<'gcp.compute.instance'>, key: string, ctx: AssessContext<Params, 'gcp.compute.project-metadata'>): { value: string | null; from: 'instance' | 'project' | 'unset' } {
  const own = instance.data.metadata[key];
  if (own !== undefined) return { value: own, from: 'instance' };
  const project = ctx.related('gcp.compute.project-metadata')[0]?.data.items[key];
  return project !== undefined ? { value: project, from: 'project' } : { value: null, from: 'unset' };
}

export const isTrue = (value: string | null): boolean => value !== null && ['true', '1', 'yes'].includes(value.trim().toLowerCase());

type Judge = Pick<AssessContext, 'pass' | 'fail' | 'notApplicable'>;

/**
 * One verdict over a GKE cluster's node pools: PASS when every pool meets `ok`, FAIL naming the
 * others, NOT_APPLICABLE for a cluster without pools (Autopilot manages its own).
 */
export function judgeNodePools(pools: readonly GcpGkeNodePool[], ctx: Judge, ok: (pool: GcpGkeNodePool) => boolean, what: string): Verdict {
  if (pools.length === 0) return ctx.notApplicable('The cluster has no node pools of its own', { nodePools: [] });
  const failing = pools.filter((p) => !ok(p)).map((p) => p.name);
  return failing.length > 0
    ? ctx.fail(`${failing.length} of ${pools.length} node pool(s) without ${what}: ${failing.join(', ')}`, { failing, nodePools: pools.length })
    : ctx.pass(`Every node pool has ${what}`, { nodePools: pools.length });
}

/** The public grants of a resource's own IAM policy, as one verdict (`what` names the resource kind). */
export function judgePublicPolicy(bindings: readonly GcpIamBinding[], ctx: Judge, what: string, extra: readonly Grant[] = []): Verdict {
  const open = [...grantsOf(bindings).filter((g) => isPublicMember(g.member)), ...extra];
  return open.length > 0
    ? ctx.fail(`The ${what} is open to ${[...new Set(open.map((g) => g.member))].join(' and ')}`, { grants: open.map(({ role, member }) => ({ role, member })) })
    : ctx.pass(`The ${what} grants nothing to allUsers or allAuthenticatedUsers`, { bindings: bindings.length });
}

/** A Cloud SQL database flag a benchmark asks for, on the engine it exists on. */
export interface SqlFlagRule {
  /** Prefix of the instance's databaseVersion: `MYSQL`, `POSTGRES`, `SQLSERVER`. */
  readonly engine: string;
  readonly flag: string;
  readonly expected: 'on' | 'off';
  /** The engine's value when the flag is not set, or null when only an explicit setting counts. */
  readonly unset: 'on' | 'off' | null;
}

export function judgeSqlFlag(instance: Resource<'gcp.sql.instance'>, ctx: Judge, rule: SqlFlagRule): Verdict {
  const { databaseVersion, databaseFlags } = instance.data;
  if (!databaseVersion.startsWith(rule.engine)) return ctx.notApplicable(`The flag ${rule.flag} does not exist on ${databaseVersion}`, { databaseVersion });
  const set = databaseFlags[rule.flag];
  const value = set?.toLowerCase() ?? rule.unset;
  const evidence = { databaseVersion, flag: rule.flag, value: set ?? null, expected: rule.expected };
  if (value === rule.expected) return ctx.pass(`${rule.flag} is ${rule.expected}${set === undefined ? ' (the default)' : ''}`, evidence);
  return ctx.fail(set === undefined ? `${rule.flag} is not set to ${rule.expected}` : `${rule.flag} is ${set}`, evidence);
}

/** Whether a contact subscribed to `category` (or to ALL) is set on the project or inherited from above it. */
export function judgeContacts(own: readonly GcpEssentialContact[], inherited: readonly GcpEssentialContact[], ctx: Judge, category: string): Verdict {
  const covering = [...own, ...inherited].filter((c) => c.categories.includes(category) || c.categories.includes('ALL'));
  return covering.length > 0
    ? ctx.pass(`${covering.length} contact(s) receive ${category} notifications`, { contacts: covering })
    : ctx.fail(`No contact receives ${category} notifications`, { category, contacts: [...own, ...inherited] });
}
