import type { AssessContext, Params } from '../../src/core/check.js';
import type { Resource } from '../../src/core/resource.js';
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
