import type { Config } from '../config/schema.js';
import { serviceSchema, type ServiceConfig } from '../service/config.js';
import type { NewScan } from '../store/types.js';
import { UsageError } from './select.js';

/** `--store sqlite:PATH` or `--store postgres` (URL from the configured environment variable); else service.store. */
export function storeOverride(value: string | undefined, service: ServiceConfig = serviceSchema.parse({})): ServiceConfig['store'] {
  if (value === undefined) return service.store;
  if (value.startsWith('sqlite:')) return { kind: 'sqlite', path: value.slice('sqlite:'.length) };
  if (value === 'postgres') return { kind: 'postgres', urlEnv: service.store.kind === 'postgres' ? service.store.urlEnv : 'DUTYSCAN_DATABASE_URL' };
  throw new UsageError(`--store takes sqlite:PATH or postgres, got "${value}"`);
}

/** The mutelist in force at `now`, as the store records it with each scan. */
export const mutesInForce = (mutelist: Config['mutelist'], now: Date): NewScan['mutes'] => {
  const today = now.toISOString().slice(0, 10);
  return mutelist.map((entry, rule) => ({ rule, entry, expired: entry.expires !== undefined && entry.expires < today }));
};
