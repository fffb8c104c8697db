import picomatch from 'picomatch';
import type { Logger } from 'pino';
import type { AnyCheck } from '../core/check.js';
import type { Finding } from '../core/finding.js';
import type { OfflineSource } from '../core/inventory.js';
import type { Config } from '../config/schema.js';
import { runScan, type ScanOptions } from '../engine/scan.js';
import type { Attestation } from '../attestation/schema.js';
import type { Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';
import type { ScanScope } from './config.js';
import type { ScanFn } from './scheduler.js';
import { PROVIDER_IDS, descriptor } from '../../providers/index.js';

export interface EngineScanDeps {
  readonly config: Config;
  /** Every check the service may run (already filtered by config `enabled`); each scope selects from these. */
  readonly checks: readonly AnyCheck[];
  readonly catalog: Catalog;
  readonly contract: ContractProfile;
  readonly log: Logger;
  /** An offline source (the demo, a saved file), evaluated instead of collecting; called per scan. */
  readonly source?: ((now: Date) => OfflineSource) | undefined;
  readonly shard?: ScanOptions['shard'] | undefined;
  readonly adapters?: ScanOptions['adapters'] | undefined;
  /** The sign-offs that count at `now` (the store's, and the demo's own); read before each scan. */
  readonly attestations?: ((now: Date) => Promise<readonly Attestation[]>) | undefined;
  /** The engine; tests may wrap it. */
  readonly run?: typeof runScan | undefined;
}

/** The checks a scope selects: its providers, then its check-id globs and duties (both must match when given). */
export function checksForScope(all: readonly AnyCheck[], scope: ScanScope): AnyCheck[] {
  const globs = scope.checks?.map((p) => picomatch(p)) ?? [];
  return all.filter(
    (c) =>
      scope.providers.includes(c.provider) &&
      (globs.length === 0 || globs.some((m) => m(c.id))) &&
      (!scope.duties || scope.duties.includes(c.duty)),
  );
}

/**
 * Narrow the provider config to the scope's accounts and regions where the provider can be told
 * (each descriptor's `narrow`), so a scoped scan does not call what it would throw away. Findings
 * outside the scope are dropped in any case.
 */
export function configForScope(config: Config, scope: ScanScope): Config {
  const narrowed = PROVIDER_IDS.flatMap((id) => (config.providers[id] ? [[id, descriptor(id).narrow(config.providers[id], scope)]] : []));
  return { ...config, providers: { ...config.providers, ...Object.fromEntries(narrowed) } };
}

/** Whether a finding (or listing scope) lies inside the scope's accounts and regions. Account-wide (global) results count for every region filter. */
export function inScope(scope: ScanScope, where: { readonly provider: string; readonly account: string; readonly region: string }): boolean {
  return (
    (scope.providers as readonly string[]).includes(where.provider) &&
    (!scope.accounts || scope.accounts.includes(where.account)) &&
    (!scope.regions || where.region === 'global' || scope.regions.includes(where.region))
  );
}

export function engineScanFn(deps: EngineScanDeps): ScanFn {
  const run = deps.run ?? runScan;
  return async (request, emit) => {
    const { scope } = request;
    const checks = checksForScope(deps.checks, scope);
    const offline = deps.source?.(request.now);
    const source = offline ? { ...offline, listings: [...offline.listings].filter((l) => inScope(scope, l.scope)) } : undefined;
    const attestations = (await deps.attestations?.(request.now)) ?? [];
    return run(
      {
        config: configForScope(deps.config, scope),
        providers: scope.providers,
        checks,
        catalog: deps.catalog,
        contract: deps.contract,
        ...(source ? { source } : {}),
        now: request.now,
        signal: request.signal,
        log: deps.log.child({ scanId: request.scanId }),
        ...(deps.shard ? { shard: deps.shard } : {}),
        ...(deps.adapters ? { adapters: deps.adapters } : {}),
        attestations,
      },
      async (finding: Finding) => {
        if (inScope(scope, finding.resource)) await emit(finding);
      },
    );
  };
}
