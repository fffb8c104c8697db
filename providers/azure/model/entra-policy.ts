import type { Observed } from '../../../src/core/observed.js';

/** One Conditional Access policy, as far as MFA enforcement needs it. */
export interface AzureConditionalAccessPolicy {
  readonly id: string;
  readonly displayName: string;
  /** `enabled`, `disabled`, `enabledForReportingButNotEnforced`. */
  readonly state: string;
  /** `All`, `None`, `GuestsOrExternalUsers` or object ids. */
  readonly includeUsers: readonly string[];
  readonly excludeUsers: readonly string[];
  readonly excludeGroups: readonly string[];
  /** Directory role template ids. */
  readonly includeRoles: readonly string[];
  /** `All` or application ids. */
  readonly includeApplications: readonly string[];
  readonly excludeApplications: readonly string[];
  /** `all`, `browser`, `mobileAppsAndDesktopClients`, `exchangeActiveSync`, `other`. */
  readonly clientAppTypes: readonly string[];
  /** `mfa`, `block`, `compliantDevice`, ... */
  readonly builtInControls: readonly string[];
  /** `OR` or `AND`. */
  readonly operator: string;
  /** An authentication strength requires MFA of some kind. */
  readonly authenticationStrength: string | null;
}

/** `azure.entra.tenant-policy`: how the tenant enforces MFA (one per tenant). */
export interface AzureEntraTenantPolicy {
  /** Security defaults (`policies/identitySecurityDefaultsEnforcementPolicy.isEnabled`). */
  readonly securityDefaults: Observed<boolean>;
  readonly conditionalAccess: Observed<readonly AzureConditionalAccessPolicy[]>;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'azure.entra.tenant-policy': AzureEntraTenantPolicy;
  }
}
