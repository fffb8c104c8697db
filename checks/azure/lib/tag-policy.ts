import type { AssessContext, Params } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import type { AzureTagAssignment } from '../../../providers/azure/model/policy.js';
import { unseen } from '../../../src/core/observed.js';
import { rulesFor, type DeclaredRules } from '../../families/tags.js';

/** Whether an ARM id is the scope or inside it (ids compare case-insensitively; Resource Graph lower-cases some). */
const within = (id: string, scope: string): boolean => {
  const i = id.toLowerCase();
  const s = scope.toLowerCase().replace(/\/+$/, '');
  return i === s || i.startsWith(`${s}/`);
};

/**
 * Whether an assignment reaches a resource: its scope holds the resource and no `notScopes` entry
 * does. An assignment on a management group was listed for this subscription because it applies
 * to it, so its scope holds every resource here.
 */
export const reaches = (a: AzureTagAssignment, id: string): boolean =>
  (a.scope.toLowerCase().startsWith('/providers/microsoft.management/') || within(id, a.scope)) && !a.notScopes.some((x) => within(id, x));

/**
 * The subscription's Azure Policy "require a tag" assignments that reach one resource, as
 * required-tag rules for the tags family when the config sets none: null without any assignment
 * (NOT_ASSESSED), out of scope when there are some but none reaches it (NOT_APPLICABLE). Assignments
 * that could not be read throw, and the verdict is an ERROR naming `Microsoft.Authorization/policyAssignments/read`.
 */
export const azureTagPolicy = (ctx: AssessContext<Params, 'azure.policy.tag-assignment'>, resource: { readonly type: string; readonly id: string }) => (): DeclaredRules | null => {
  const listed = ctx.related('azure.policy.tag-assignment', { region: 'any' }).map((a) => a.data);
  // Assignments the identity may not read where the resource is: an ERROR for what is there alone.
  for (const a of listed) if ('unread' in a && within(resource.id, a.scope)) ctx.known(unseen(a.unread));
  const assignments = listed.filter((a): a is AzureTagAssignment => !('unread' in a));
  if (assignments.length === 0) return null;
  const reaching = assignments.filter((a) => reaches(a, resource.id));
  if (reaching.length === 0) {
    const outOfScope = `No "require a tag" policy assignment reaches it: the subscription's ${assignments.length === 1 ? 'assignment leaves' : `${assignments.length} assignments leave`} it out of scope`;
    return { rules: [], sources: assignments.map((a) => a.source), outOfScope };
  }
  // The source is what judged the resource; when nothing here requires a tag of its type, what reached it.
  const judging = reaching.filter((a) => rulesFor(resource.type, [a.rule]).length > 0);
  return { rules: reaching.map((a) => a.rule), sources: (judging.length > 0 ? judging : reaching).map((a) => a.source) };
};
