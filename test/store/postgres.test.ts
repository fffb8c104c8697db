import { afterAll, beforeAll } from 'vitest';
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
