/**
 * IAM policy documents (identity policies, trust policies, bucket and key policies), normalised
 * once so that checks never meet the string-or-array and `"*"`-or-object variants of the JSON
 * grammar. Collectors URL-decode the document (GAAD returns it encoded), `JSON.parse` it and pass
 * it through `parsePolicyDocument` (providers/aws/policy-document.ts).
 */

export type PolicyEffect = 'Allow' | 'Deny';

/** `Principal` as arrays per kind; `"Principal": "*"` becomes `{ aws: ['*'] }`. */
export interface PolicyPrincipal {
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}

/** `Condition`: operator (e.g. `StringEquals`) -> condition key (e.g. `sts:ExternalId`) -> values as strings. */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface PolicyStatement {
  readonly sid: string | null;
  readonly effect: PolicyEffect;
  /** `Action` values; empty when the statement uses `NotAction`. */
  readonly action: readonly string[];
  readonly notAction: readonly string[];
  readonly resource: readonly string[];
  readonly notResource: readonly string[];
  /** Only in resource-based and trust policies. */
  readonly principal: PolicyPrincipal | null;
  readonly notPrincipal: PolicyPrincipal | null;
  readonly condition: PolicyCondition;
}

export interface PolicyDocument {
  readonly version: string | null;
  readonly statement: readonly PolicyStatement[];
}
