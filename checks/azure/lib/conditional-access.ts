import type { AzureConditionalAccessPolicy } from '../../../providers/azure/model/types.js';

/** Directory role template ids of the privileged roles CIS names (the same in every tenant). */
export const ADMIN_ROLES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c': 'SharePoint Administrator',
  '29232cdf-9323-42fd-ade2-1d097af3e4de': 'Exchange Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9': 'Conditional Access Administrator',
};

const has = (list: readonly string[], value: string) => list.some((x) => x.toLowerCase() === value.toLowerCase());

/** Enforced (not report-only), for every cloud app. */
const enforcedEverywhere = (p: AzureConditionalAccessPolicy): boolean => p.state === 'enabled' && has(p.includeApplications, 'All') && p.excludeApplications.length === 0;

/** The policy requires MFA to be granted: the `mfa` control or an authentication strength, not one of several alternatives. */
export const requiresMfa = (p: AzureConditionalAccessPolicy): boolean =>
  p.authenticationStrength !== null || (has(p.builtInControls, 'mfa') && (p.operator.toUpperCase() === 'AND' || p.builtInControls.length === 1));

/** An enforced policy requiring MFA of every user for every app (exclusions, such as break-glass accounts, are reported). */
export const mfaForAllUsers = (p: AzureConditionalAccessPolicy): boolean => enforcedEverywhere(p) && requiresMfa(p) && has(p.includeUsers, 'All');

/** The admin roles an enforced MFA policy covers for every app (all of them when it covers every user). */
export function adminRolesCovered(p: AzureConditionalAccessPolicy): string[] {
  if (!enforcedEverywhere(p) || !requiresMfa(p)) return [];
  if (has(p.includeUsers, 'All')) return Object.keys(ADMIN_ROLES);
  return Object.keys(ADMIN_ROLES).filter((role) => has(p.includeRoles, role));
}

/** An enforced policy blocking the legacy protocols (Exchange ActiveSync and other clients) for every user. */
export const blocksLegacyAuth = (p: AzureConditionalAccessPolicy): boolean =>
  enforcedEverywhere(p) && has(p.includeUsers, 'All') && has(p.builtInControls, 'block') && has(p.clientAppTypes, 'exchangeActiveSync') && has(p.clientAppTypes, 'other');

export const exclusionsOf = (p: AzureConditionalAccessPolicy) => ({ policy: p.displayName, excludeUsers: p.excludeUsers, excludeGroups: p.excludeGroups });
