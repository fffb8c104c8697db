import type { Listing } from '../../../src/core/inventory.js';
import { observedBy, seen, unseen, type CollectionError, type Observed, type Provenance } from '../../../src/core/observed.js';
import type { ApiCaller } from '../../../src/core/provider.js';
import type { Resource, ResourceType, Scope } from '../../../src/core/resource.js';
import { failedListing, listing } from '../../../src/inventory/build.js';
import { operationName, send, viaApi, type AwsClientFor, type AwsClients, type AwsService } from './clients.js';
import { classifyAwsError, errorName, isNotConfigured } from './errors.js';

/** A paginateX function from an SDK client package. */
type Paginator<C, I, P> = (config: { client: C; pageSize?: number }, input: I) => AsyncIterable<P>;

/**
 * What a collector holds for one account: its clients and the ApiCaller. Every call goes through
 * `send` (one call) or `pages` (a paginator, one counted call per page); failures are classified
 * here, once, into coded errors.
 */
export class AwsCaller {
  constructor(
    readonly api: ApiCaller,
    readonly clients: AwsClients,
    readonly account: string,
    readonly accountName?: string,
  ) {}

  scope(region: string): Scope {
    return { provider: 'aws', account: this.account, region, ...(this.accountName ? { accountName: this.accountName } : {}) };
  }

  client<S extends AwsService>(service: S, region: string): AwsClientFor<S> {
    return this.clients.get(service, region);
  }

  send<O>(service: AwsService, region: string, command: object): Promise<O> {
    return send<O>(this.api, service, this.clients.get(service, region), command, { account: this.account, region });
  }

  /** All pages of a paginated operation, each page one call through the ApiCaller. */
  pages<S extends AwsService, I, P>(
    service: S,
    region: string,
    paginate: Paginator<AwsClientFor<S>, I, P>,
    input: I,
    pageSize?: number,
  ): AsyncIterable<P> {
    const client = viaApi(this.api, service, this.clients.get(service, region), { account: this.account, region });
    return paginate({ client, ...(pageSize !== undefined ? { pageSize } : {}) }, input);
  }

  /** Collect every page's items. */
  async all<S extends AwsService, I, P, T>(
    service: S,
    region: string,
    paginate: Paginator<AwsClientFor<S>, I, P>,
    input: I,
    items: (page: P) => readonly T[] | undefined,
    pageSize?: number,
  ): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages(service, region, paginate, input, pageSize)) out.push(...(items(page) ?? []));
    return out;
  }

  error(e: unknown, service: AwsService, operation: string, region: string): CollectionError {
    return classifyAwsError(e, service, operation, { account: this.account, region });
  }

  /**
   * One fact from one call: the mapped answer, `notConfigured` when the API says "not configured"
   * (an allow-list per operation, see errors.ts), or the coded failure. Never throws for a cloud answer.
   */
  async observe<O, T>(
    service: AwsService,
    region: string,
    command: object,
    map: (output: O) => T,
    notConfigured?: T,
  ): Promise<Observed<T>> {
    const operation = operationName(command);
    let output: O;
    try {
      output = await this.send<O>(service, region, command);
    } catch (e) {
      if (notConfigured !== undefined && isNotConfigured(e, service, operation)) return seen(notConfigured, provenance(service, operation, e));
      return unseen(this.error(e, service, operation, region));
    }
    try {
      return seen(map(output), provenance(service, operation, output));
    } catch (e) {
      // An answer we cannot read (a malformed policy document) is INVALID_RESPONSE; anything else is our bug.
      if (errorName(e) === 'InvalidResponse') return unseen(this.error(e, service, operation, region));
      throw e;
    }
  }

  /**
   * A listing from a collector: its items, or one error listing. A failure is charged to
   * `operation` (the call that lists the type) unless the collector threw a `FailedCall` naming
   * another call it needed.
   */
  async listing<T extends ResourceType>(
    type: T,
    region: string,
    service: AwsService,
    operation: string,
    collect: () => Promise<readonly Resource<T>[]>,
  ): Promise<Listing<T>> {
    const scope = this.scope(region);
    try {
      return listing(scope, type, await collect(), provenance(service, operation));
    } catch (e) {
      if (isProgrammerError(e)) throw e;
      const failed = e instanceof FailedCall ? e.error : this.error(e, service, operation, region);
      return failedListing(scope, type, failed);
    }
  }
}

/**
 * Which call answered, with the request id the SDK read from the response (`$metadata`), so a fact
 * can be found in CloudTrail. A listing spans pages (and often further calls): its operation and
 * time only.
 */
export function provenance(service: AwsService, operation: string, output?: unknown): Provenance {
  return observedBy(`${service}:${operation}`, (output as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId);
}

/** Thrown inside a listing's collect function when a call other than the listing's own failed. */
export class FailedCall extends Error {
  constructor(readonly error: CollectionError) {
    super(error.message);
  }
}

/** Bugs in our code (not answers from AWS) must surface, not become error listings. */
function isProgrammerError(e: unknown): boolean {
  return e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError;
}

/** Await an observation inside a listing: a failure fails the listing with that call's error. */
export function required<T>(observed: Observed<T>): T {
  if (observed.ok) return observed.value;
  throw new FailedCall(observed.error);
}

/** ISO-8601 text for a Date the SDK parsed, or null. */
export function iso(date: Date | undefined | null): string | null {
  return date ? date.toISOString() : null;
}

export function tagsOf(tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

export { partitionOf } from '../partition.js';
