import { getContinuationToken as authorizationToken } from '@azure/arm-authorization';
import type { Resource } from '../../../src/core/resource.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import { observedBy, seen, unseen, type Observed } from '../../../src/core/observed.js';
import type { AzureDefenderPlan, AzureDiagnosticSetting, AzureRoleAssignment } from '../model/types.js';
import { callAzure, listAll } from './calls.js';
import { classifyAzureError } from './errors.js';
import type { KindContext } from './kinds.js';

/** The built-in Owner role: its definition id ends with this GUID in every cloud. */
export const OWNER_ROLE_GUID = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

const page = (token: string | undefined) => (token ? { continuationToken: token } : undefined);

async function observe<T>(ctx: KindContext, operation: string, read: () => Promise<T>): Promise<Observed<T>> {
  try {
    return seen(await read(), observedBy(operation));
  } catch (error) {
    return unseen(classifyAzureError(error, operation, { account: ctx.subscription }));
  }
}

/** Owner assignments that act on the subscription: on it, or inherited from a management group or the root. */
async function ownerAssignments(ctx: KindContext): Promise<AzureRoleAssignment[]> {
  const operation = 'Microsoft.Authorization/roleAssignments/read';
  const all = await listAll(ctx.opts, { service: 'arm', operation, account: ctx.subscription }, (t, signal) =>
    // atScope(): assignments at the subscription and above it, not those on resources inside.
    ctx.clients.authorization(ctx.subscription).roleAssignments.listForSubscription({ filter: 'atScope()', abortSignal: signal }).byPage(page(t)),
    authorizationToken,
  );
  return all
    .filter((a) => (a.roleDefinitionId ?? '').toLowerCase().endsWith(OWNER_ROLE_GUID))
    .map((a) => ({ principalId: a.principalId ?? '', principalType: a.principalType ?? 'Unknown', scope: a.scope ?? '', roleDefinitionId: a.roleDefinitionId ?? '' }));
}

async function activityLogSettings(ctx: KindContext): Promise<AzureDiagnosticSetting[]> {
  const operation = 'Microsoft.Insights/diagnosticSettings/read';
  // arm-monitor 7 has no subscriptionDiagnosticSettings; the subscription is the resource URI.
  const answer = await callAzure(ctx.opts, { service: 'arm', operation, account: ctx.subscription }, (signal) =>
    ctx.clients.monitor(ctx.subscription).diagnosticSettings.list(`subscriptions/${ctx.subscription}`, { abortSignal: signal }),
  );
  return (answer.value ?? []).map((s) => ({
    name: s.name ?? '',
    storageAccountId: s.storageAccountId ?? null,
    workspaceId: s.workspaceId ?? null,
    eventHubAuthorizationRuleId: s.eventHubAuthorizationRuleId ?? null,
    marketplacePartnerId: (s as { marketplacePartnerId?: string }).marketplacePartnerId ?? null,
    logs: (s.logs ?? []).map((l) => ({
      // arm-monitor 7 predates category groups; the wire still carries them.
      category: l.category ?? (l as { categoryGroup?: string }).categoryGroup ?? '',
      enabled: l.enabled,
      retentionDays: l.retentionPolicy?.enabled ? (l.retentionPolicy.days ?? null) : null,
    })),
  }));
}

async function defenderPlans(ctx: KindContext): Promise<AzureDefenderPlan[]> {
  const operation = 'Microsoft.Security/pricings/read';
  const answer = await callAzure(ctx.opts, { service: 'arm', operation, account: ctx.subscription }, (signal) =>
    ctx.clients.security(ctx.subscription).pricings.list({ abortSignal: signal }),
  );
  return (answer.value ?? []).map((p) => ({ name: p.name ?? '', pricingTier: p.pricingTier ?? 'Free', subPlan: p.subPlan ?? null }));
}

export async function subscriptionResource(
  ctx: KindContext,
  info: { displayName: string; state: string },
): Promise<Resource<'azure.subscription'>> {
  const [owners, logs, plans] = await Promise.all([
    observe(ctx, 'Microsoft.Authorization/roleAssignments/read', () => ownerAssignments(ctx)),
    observe(ctx, 'Microsoft.Insights/diagnosticSettings/read', () => activityLogSettings(ctx)),
    observe(ctx, 'Microsoft.Security/pricings/read', () => defenderPlans(ctx)),
  ]);
  return resource('azure.subscription', { provider: 'azure', account: ctx.subscription, region: GLOBAL_REGION }, {
    id: `/subscriptions/${ctx.subscription}`,
    name: info.displayName,
    data: { subscriptionId: ctx.subscription, displayName: info.displayName, state: info.state, ownerAssignments: owners, activityLogSettings: logs, defenderPlans: plans },
  });
}

export async function customRoles(ctx: KindContext): Promise<Resource<'azure.authorization.custom-role'>[]> {
  const operation = 'Microsoft.Authorization/roleDefinitions/read';
  const roles = await listAll(ctx.opts, { service: 'arm', operation, account: ctx.subscription }, (t, signal) =>
    ctx.clients.authorization(ctx.subscription).roleDefinitions.list(`subscriptions/${ctx.subscription}`, { filter: "type eq 'CustomRole'", abortSignal: signal }).byPage(page(t)),
    authorizationToken,
  );
  return roles
    .filter((r) => (r.roleType ?? '').toLowerCase() === 'customrole')
    .map((r) =>
      resource('azure.authorization.custom-role', { provider: 'azure', account: ctx.subscription, region: GLOBAL_REGION }, {
        id: r.id ?? r.name ?? '',
        name: r.roleName ?? r.name ?? '',
        data: {
          roleName: r.roleName ?? '',
          description: r.description ?? null,
          actions: (r.permissions ?? []).flatMap((p) => p.actions ?? []),
          notActions: (r.permissions ?? []).flatMap((p) => p.notActions ?? []),
          assignableScopes: r.assignableScopes ?? [],
        },
      }),
    );
}
