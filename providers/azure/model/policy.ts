import type { CollectionError } from '../../../src/core/observed.js';
import type { TagRule } from '../../../src/core/policy.js';

/**
 * `azure.policy.tag-assignment`: an Azure Policy assignment of a built-in "require a tag"
 * definition that applies to the subscription (assigned on a management group above it, on it, or
 * on a resource group or resource inside it). What the organisation declares when the config sets
 * no required tags; the tagging checks judge a resource by the assignments whose scope holds it.
 */
export interface AzureTagAssignment {
  readonly displayName: string | null;
  /** `/providers/Microsoft.Authorization/policyDefinitions/<guid>`. */
  readonly definitionId: string;
  /** `resources` (every resource in scope but resource groups) or `resource-groups`, by the definition. */
  readonly appliesTo: 'resources' | 'resource-groups';
  /** A management group, `/subscriptions/<id>`, a resource group or a resource. */
  readonly scope: string;
  /** Scopes the assignment leaves out. */
  readonly notScopes: readonly string[];
  readonly tagName: string;
  /** The value the "tag and its value" definitions require; null for "require a tag". */
  readonly tagValue: string | null;
  /** `Default` or `DoNotEnforce`: a DoNotEnforce assignment still declares the requirement. */
  readonly enforcementMode: string;
  /** The requirement as a required-tags rule, typed to what the definition applies to. */
  readonly rule: TagRule;
  /** What a verdict names as the requirement's source: the assignment and its id. */
  readonly source: string;
}

/**
 * Where the requirement could not be read: a resource group (or resource) whose assignments the
 * identity may not read, so the bulk answer may leave them out, or the whole subscription when an
 * inherited assignment's reach is unknown. Its ERROR is for the resources inside `scope` alone;
 * everything else is judged by the assignments that were read.
 */
export interface AzureUnreadTagAssignments {
  /** `/subscriptions/<id>`, `/subscriptions/<id>/resourceGroups/<name>` or a resource id. */
  readonly scope: string;
  readonly unread: CollectionError;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'azure.policy.tag-assignment': AzureTagAssignment | AzureUnreadTagAssignments;
  }
}
