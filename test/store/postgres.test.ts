import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { storeSuite } from './suite.js';

// A real PostgreSQL server (Debian's postgresql package), a fresh database per test.
let server: PostgresServer;
let n = 0;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

storeSuite('PostgreSQL', async () => openPostgresStore(await server.createDatabase(`dutyscan_test_${n++}`)));

describe('openStore with PostgreSQL', () => {
  it('takes the URL from the configured environment variable, migrates, and says which variable is missing', async () => {
    const url = await server.createDatabase('dutyscan_open_store');
    const store = await openStore({ kind: 'postgres', urlEnv: 'TEST_PG_URL' }, { TEST_PG_URL: url });
    try {
      expect(store.kind).toBe('postgres');
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      await store.close();
    }
    await expect(openStore({ kind: 'postgres', urlEnv: 'TEST_PG_URL' }, {})).rejects.toThrow(/TEST_PG_URL/);
  });

  it('lets two replicas migrate the same empty database at once (advisory lock)', async () => {
    const url = await server.createDatabase('dutyscan_concurrent');
    const [a, b] = [openPostgresStore(url), openPostgresStore(url)];
    try {
      expect(await Promise.all([a.migrate(), b.migrate()])).toEqual([LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION]);
      const rows = await a.driver.all('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r['version']))).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
