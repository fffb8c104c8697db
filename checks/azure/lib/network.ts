import type { AzureFirewallRule } from '../../../providers/azure/model/types.js';

/**
 * The two firewall ranges Azure gives a meaning of their own: `0.0.0.0`-`0.0.0.0` lets in every
 * Azure service (any tenant's, not only yours), `0.0.0.0`-`255.255.255.255` the whole Internet.
 */
export const OPEN_RANGES = {
  'all-azure': { start: '0.0.0.0', end: '0.0.0.0', label: 'every Azure service of every tenant' },
  internet: { start: '0.0.0.0', end: '255.255.255.255', label: 'the whole Internet' },
} as const;
export type OpenRange = keyof typeof OPEN_RANGES;

export const rulesOpening = (rules: readonly AzureFirewallRule[], range: OpenRange): AzureFirewallRule[] =>
  rules.filter((r) => r.startIpAddress === OPEN_RANGES[range].start && r.endIpAddress === OPEN_RANGES[range].end);

/** `publicNetworkAccess`: only an explicit `Disabled` closes the public endpoint (unset means enabled). */
export const publicAccessDisabled = (value: string | null): boolean => value !== null && value.toLowerCase() === 'disabled';
