import type { TagRule } from '../../src/core/policy.js';
import type { AzureTagAssignment } from './model/policy.js';

/**
 * Azure Policy's built-in "require a tag" definitions, by the GUID that names them in every cloud,
 * and what each requires: the tag (`tagName`), or the tag with a value (`tagValue`), on resources or
 * on resource groups. Their rules deny (or, under DoNotEnforce, only report) a resource in scope
 * whose `tags[tagName]` does not exist or does not equal `tagValue`.
 */
export const REQUIRE_TAG_DEFINITIONS: Readonly<Record<string, { readonly appliesTo: AzureTagAssignment['appliesTo']; readonly withValue: boolean }>> = {
  '871b6d14-10aa-478d-b590-94f262ecfa99': { appliesTo: 'resources', withValue: false }, // Require a tag on resources
  '1e30110a-5ceb-460c-a204-c1c3969c6d62': { appliesTo: 'resources', withValue: true }, // Require a tag and its value on resources
  '96670d01-0a4d-4649-9c89-2d3abc0a5025': { appliesTo: 'resource-groups', withValue: false }, // Require a tag on resource groups
  '8ce3da23-7156-49e4-b145-24f95f9dcb46': { appliesTo: 'resource-groups', withValue: true }, // Require a tag and its value on resource groups
};

/** The definitions' ids as assignments spell them, in lower case. */
export const REQUIRE_TAG_DEFINITION_IDS: readonly string[] = Object.keys(REQUIRE_TAG_DEFINITIONS).map((guid) => `/providers/microsoft.authorization/policydefinitions/${guid}`);

/** The dutyscan types each definition reaches: "on resources" leaves resource groups out (its mode is Indexed). */
const TYPES: Readonly<Record<AzureTagAssignment['appliesTo'], readonly string[]>> = {
  resources: ['azure.resources.resource'],
  'resource-groups': ['azure.resources.resource-group'],
};

/** `prod` -> `[pP][rR][oO][dD]`: Azure Policy's `equals` compares strings case-insensitively. */
const caseInsensitive = (value: string): string =>
  [...value].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');

/** The required-tags rule of an assignment: its tag on the types its definition reaches, with its value where it names one. */
export function tagRule(appliesTo: AzureTagAssignment['appliesTo'], tagName: string, tagValue: string | null): TagRule {
  return { key: tagName, ...(tagValue !== null ? { pattern: caseInsensitive(tagValue) } : {}), resourceTypes: TYPES[appliesTo] };
}

/** The GUID of a built-in definition id (`/providers/Microsoft.Authorization/policyDefinitions/<guid>`), lower case. */
export const definitionGuid = (definitionId: string): string => definitionId.toLowerCase().replace(/^\/providers\/microsoft\.authorization\/policydefinitions\//, '');

/** `<scope>/providers/Microsoft.Authorization/policyAssignments/<name>` -> `<scope>`. */
export const scopeOfAssignment = (id: string): string => id.replace(/\/providers\/microsoft\.authorization\/policyassignments\/[^/]+$/i, '') || '/';

/** What a verdict names: the assignment, its id, and whether it only reports. */
export function assignmentSource(name: string, id: string, enforcementMode: string): string {
  const notEnforced = enforcementMode.toLowerCase() === 'donotenforce' ? ' (DoNotEnforce: declared, not enforced)' : '';
  return `azure-policy-assignment:${name} ${id}${notEnforced}`;
}
