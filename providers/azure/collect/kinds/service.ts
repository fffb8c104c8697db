import type { Resource, ResourceType } from '../../../../src/core/resource.js';
import type { Kind, KindContext } from '../kinds.js';
import type * as n from '../normalise.js';
import { armList, make, mapLimited } from './support.js';

export interface ServiceKindSpec<T extends ResourceType> {
  readonly type: T;
  /** The ARM type, as ARM spells it (`Microsoft.DocumentDB/databaseAccounts`). */
  readonly armType: string;
  /** The api-version its subscription-wide listing is read with on the ARM path. */
  readonly apiVersion: string;
  /** The resource's data from its row (ARM JSON with `properties`), with what it reads per resource. */
  readonly data: (row: n.Raw, ctx: KindContext) => Resource<T>['data'] | Promise<Resource<T>['data']>;
}

/**
 * A resource type read in bulk from the shared `services` Resource Graph query (its rows routed by
 * type) and, on the ARM path, from the subscription-wide listing of the type: one paged call, the
 * same JSON with `properties`, through the generic client (no SDK per service).
 */
export function serviceKind<T extends ResourceType>(spec: ServiceKindSpec<T>): Kind<T> {
  const operation = `${spec.armType}/read`;
  return {
    type: spec.type,
    query: 'services',
    graphType: spec.armType.toLowerCase(),
    operation,
    armType: spec.armType,
    reads: [operation],
    arm: (ctx) => armList(ctx, operation, `/subscriptions/${ctx.subscription}/providers/${spec.armType}`, spec.apiVersion),
    build: (rows, ctx) => mapLimited(rows, async (r) => make(spec.type, ctx, r, await spec.data(r, ctx))),
  };
}
