import { collectionError } from '../../../../src/core/observed.js';
import { GLOBAL_REGION } from '../../../../src/core/resource.js';
import { resource } from '../../../../src/inventory/build.js';
import type { AzureTagAssignment } from '../../model/policy.js';
import { assignmentSource, definitionGuid, REQUIRE_TAG_DEFINITIONS, scopeOfAssignment, tagRule } from '../../tag-policy.js';
import type { Kind, KindContext } from '../kinds.js';
import * as n from '../normalise.js';
import { armList } from './support.js';

const READ = 'Microsoft.Authorization/policyAssignments/read';
const API_VERSION = '2023-04-01';

const scopeOf = (r: n.Raw): string => n.str(n.flat(r)['scope']) ?? scopeOfAssignment(n.str(r['id']) ?? '');

/** Whether an assignment is made on the subscription or inside it (not on a management group above it). */
function inside(ctx: KindContext, scope: string): boolean {
  const own = `/subscriptions/${ctx.subscription}`.toLowerCase();
  const s = scope.toLowerCase();
  return s === own || s.startsWith(`${own}/`);
}

const placeOf = (ctx: KindContext) => ({ provider: 'azure' as const, account: ctx.subscription, region: GLOBAL_REGION });

const MANAGEMENT_GROUP = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/i;

/**
 * Whether an assignment's `notScopes` leave this subscription out through a management group above
 * it (those on the subscription or inside it are judged per resource): undefined when they name
 * management groups and the subscription's are unknown (Resource Graph did not answer for it).
 */
function excludedByGroup(a: AzureTagAssignment, ctx: KindContext): boolean | undefined {
  const groups = a.notScopes.flatMap((s) => MANAGEMENT_GROUP.exec(s)?.[1]?.toLowerCase() ?? []);
  if (groups.length === 0) return false;
  return ctx.managementGroups ? groups.some((g) => ctx.managementGroups!.includes(g)) : undefined;
}

/** An assignment of a "require a tag" built-in, or null for any other assignment. */
export function tagAssignment(row: n.Raw): AzureTagAssignment | null {
  const r = n.flat(row);
  const definitionId = n.str(r['policyDefinitionId']) ?? '';
  const definition = REQUIRE_TAG_DEFINITIONS[definitionGuid(definitionId)];
  if (!definition) return null;
  const id = n.str(r['id']) ?? '';
  // A tag's value may be empty; its name may not.
  const parameter = (name: string) => {
    const value = n.obj(n.obj(r['parameters'])[name])['value'];
    return typeof value === 'string' ? value : null;
  };
  const tagName = parameter('tagName');
  const tagValue = definition.withValue ? parameter('tagValue') : null;
  // Both parameters are required by the definitions: an assignment without them is an answer we cannot read.
  if (!tagName || (definition.withValue && tagValue === null)) throw new SyntaxError(`policy assignment ${id} of a "require a tag" definition answered without its tagName${definition.withValue ? '/tagValue' : ''} parameter`);
  const enforcementMode = n.str(r['enforcementMode']) ?? 'Default';
  const displayName = n.str(r['displayName']);
  return {
    displayName,
    definitionId,
    appliesTo: definition.appliesTo,
    scope: scopeOf(row),
    notScopes: n.strings(r['notScopes']),
    tagName,
    tagValue,
    enforcementMode,
    rule: tagRule(definition.appliesTo, tagName, tagValue),
    source: assignmentSource(displayName ?? n.str(r['name']) ?? id, id, enforcementMode),
  };
}

/**
 * The "require a tag" assignments that apply to a subscription. Its own (on it, its resource groups
 * and resources) come in bulk from Resource Graph's `policyresources`, or from the subscription's
 * ARM listing; those of the management groups above it are in neither a subscription-scoped
 * Resource Graph answer (their ids lie outside every subscription) nor worth a query per group, so
 * both paths read them from the subscription's `atScope()` listing, which holds every assignment
 * on the subscription and above it: one more call per subscription.
 */
export const tagAssignments: Kind<'azure.policy.tag-assignment'> = {
  type: 'azure.policy.tag-assignment',
  query: 'tagAssignments',
  operation: READ,
  armType: 'Microsoft.Authorization/policyAssignments',
  reads: [READ],
  arm: async (ctx) => (await armList(ctx, READ, `/subscriptions/${ctx.subscription}/providers/Microsoft.Authorization/policyAssignments`, API_VERSION)).filter((r) => inside(ctx, scopeOf(r))),
  build: async (rows, ctx) => {
    const above = (await armList(ctx, READ, `/subscriptions/${ctx.subscription}/providers/Microsoft.Authorization/policyAssignments?$filter=atScope()`, API_VERSION)).filter((r) => !inside(ctx, scopeOf(r)));
    return [...rows, ...above].flatMap((r) => {
      const data = tagAssignment(r);
      if (!data) return [];
      const id = n.str(r['id']) ?? '';
      const name = n.str(r['name']) ?? id;
      const excluded = excludedByGroup(data, ctx);
      if (excluded === true) return [];
      if (excluded === undefined) {
        // Whether it applies here is unknown: an ERROR for the subscription's tag verdicts, not a guess.
        const message = `policy assignment ${id} leaves out management groups (${data.notScopes.join(', ')}); which management groups hold this subscription is read from Resource Graph, which did not answer for it, so whether the assignment applies here is unknown`;
        const unread = collectionError('NOT_ENABLED', 'Microsoft.ResourceGraph/resources/read', message, { provider: 'azure', account: ctx.subscription });
        return [resource('azure.policy.tag-assignment', placeOf(ctx), { id, name, data: { scope: `/subscriptions/${ctx.subscription}`, unread } })];
      }
      return [resource('azure.policy.tag-assignment', placeOf(ctx), { id, name, data })];
    });
  },
  // An assignment inside a resource group (or on a resource) reaches only what is inside it.
  unreadPart: (spot, ctx) => {
    const scope = `/subscriptions/${ctx.subscription}/${spot.part}`;
    return resource('azure.policy.tag-assignment', placeOf(ctx), { id: scope, name: spot.part, data: { scope, unread: spot.error } });
  },
};
