import { ConfigError } from '../config/errors.js';
import type { StoreConfig } from '../service/config.js';
import type { SqlStore } from './sql-store.js';

/** Open the configured store and bring its schema up to date. The PostgreSQL driver loads only when used. */
export async function openStore(config: StoreConfig, env: NodeJS.ProcessEnv = process.env): Promise<SqlStore> {
  let store: SqlStore;
  if (config.kind === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite.js');
    try {
      store = openSqliteStore(config.path);
    } catch (e) {
      // A path that cannot hold a database (a directory, under a file, not writable) is the operator's to fix.
      throw new ConfigError(config.path, '', undefined, `cannot open the SQLite history store: ${(e as Error).message}`);
    }
  } else {
    const url = config.url ?? env[config.urlEnv];
    if (!url) throw new ConfigError('service.store', '', undefined, `set url or the ${config.urlEnv} environment variable to a postgres:// URL`);
    const { openPostgresStore } = await import('./postgres.js');
    store = openPostgresStore(url);
  }
  try {
    await store.migrate();
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
  return store;
}
