import type { ProviderId } from './observed.js';

/**
 * The typed resource-type map. Each provider's model augments it by declaration merging:
 *
 *   declare module '../../../src/core/resource.js' {
 *     interface ResourceTypes { 'aws.s3.bucket': S3Bucket }
 *   }
 *
 * so `Resource<'aws.s3.bucket'>['data']` is an `S3Bucket` wherever the model is imported.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry each provider's model fills by declaration merging
export interface ResourceTypes {}

export type ResourceType = keyof ResourceTypes & string;

/** `global` for account-wide services (IAM, Organizations, Entra ID). */
export const GLOBAL_REGION = 'global';

export interface ResourceRef {
  readonly provider: ProviderId;
  /** AWS account id, Azure subscription id, GCP project id. */
  readonly account: string;
  readonly region: string;
  readonly type: string;
  /** ARN, Azure resource id or GCP full resource name: stable across scans. */
  readonly id: string;
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface Resource<T extends ResourceType = ResourceType> extends ResourceRef {
  readonly type: T;
  readonly data: ResourceTypes[T];
}

/** Where a listing was collected: one account (subscription, project) in one region. */
export interface Scope {
  readonly provider: ProviderId;
  readonly account: string;
  readonly accountName?: string;
  readonly region: string;
  /**
   * The part of the account a listing stands for alone, when not all of it (an Azure resource
   * group: `resourceGroups/rg-data`): a blind spot there is an ERROR there, not for the account.
   */
  readonly part?: string;
}

export const scopeKey = (s: Scope): string => `${s.provider}/${s.account}/${s.region}`;

/** The pseudo-resource that stands for a scope when a result is about the scope as a whole. */
export function scopeResource(scope: Scope, type = `${scope.provider}.scope`): ResourceRef {
  const where = [scope.account, scope.region === GLOBAL_REGION ? null : scope.region, scope.part ?? null].filter((x) => x !== null).join('/');
  return {
    provider: scope.provider,
    account: scope.account,
    region: scope.region,
    type,
    id: `${scope.provider}:${where}`,
    name: scope.accountName ? `${scope.accountName} (${where})` : where,
    tags: {},
  };
}
