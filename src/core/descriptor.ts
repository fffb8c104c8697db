import type { Logger } from 'pino';
import type { ZodType, output } from 'zod';
import type { Listing } from './inventory.js';
import type { Policy } from './policy.js';
import type { ProviderAdapter } from './provider.js';

export interface AdapterOptions {
  readonly log: Logger;
  /** Applied to every client a provider builds (per-call timeout, retries). */
  readonly callTimeoutMs: number;
  /** policy.criticalResources: what a collector reads more closely (the AWS buckets' Object Lock, one call each). */
  readonly criticalResources?: readonly string[];
}

/** A `scan` option only this provider understands, as commander spells it (`--regions <regions...>`). */
export interface ProviderFlag {
  readonly flags: string;
  readonly description: string;
}

/**
 * Everything `src/` knows about one provider. A provider is its folder under `providers/` and one
 * line in `providers/index.ts`; nothing in `src/` names a provider. The SDKs load only when
 * `createAdapter` is called, so a command that does not collect from a provider never loads them.
 */
export interface ProviderDescriptor<Id extends string = string, Schema extends ZodType = ZodType> {
  readonly id: Id;
  /** How the provider calls itself in messages (`AWS`). */
  readonly title: string;
  /** `providers.<id>` in the config file. */
  readonly configSchema: Schema;
  /** The OCSF `cloud` profile: the provider's name and what an account is there. */
  readonly ocsf: {
    readonly provider: string;
    readonly accountTypeId: number;
    readonly accountType: string;
    /** `cloud.region`'s partition, where the provider's ids carry one (`arn:aws-cn:...`). */
    readonly partition?: (resourceId: string) => string;
  };
  /** Narrow the provider's config to a `serve` schedule's accounts and regions, where the provider can be told. */
  narrow(config: output<Schema>, scope: { readonly accounts?: readonly string[] | undefined; readonly regions?: readonly string[] | undefined }): output<Schema>;
  /** `scan` options for ad hoc runs that override the config file's `providers.<id>`. */
  readonly flags: readonly ProviderFlag[];
  /** The config with the flags the user gave applied, or undefined when none of this provider's flags was given. */
  applyFlags(config: output<Schema>, flags: Readonly<Record<string, unknown>>): output<Schema> | undefined;
  /** The least-privilege role or policy to grant, relative to the package root. */
  readonly permissions: string;
  /** Where a reader learns about each service a check reads: a rule's help link when the check names none. */
  readonly serviceDocs: Readonly<Record<string, string>>;
  /** The provider's part of the embedded demo organisation, and the rules it is judged by. */
  readonly demo: { readonly listings: (now: Date) => Listing[]; readonly policy: Policy };
  /** `policy`: the organisation's rules, for what changes what is collected (the critical buckets' Object Lock). */
  createAdapter(config: output<Schema>, options: AdapterOptions, policy: Policy): Promise<ProviderAdapter>;
}

/** Keeps a descriptor's id a literal type, so the registry's keys are the `ProviderId` union. */
export const defineProvider = <const Id extends string, Schema extends ZodType>(descriptor: ProviderDescriptor<Id, Schema>): ProviderDescriptor<Id, Schema> => descriptor;

/**
 * Every provider's adapter.ts exports `createAdapter` of this shape. `hooks` are what a test or an
 * embedding program replaces (credentials, a CA, backoff waits); a scan from the CLI passes none.
 */
export type CreateAdapter<Config, Hooks, Adapter extends ProviderAdapter = ProviderAdapter> =
  (config: Config, options: AdapterOptions, hooks?: Hooks) => Promise<Adapter>;
