import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { storeSuite } from './suite.js';

const dir = mkdtempSync(join(tmpdir(), 'dutyscan-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A file per test (WAL mode, as in production), not :memory:.
storeSuite('SQLite', async () => openSqliteStore(join(dir, `history-${n++}.db`)));

describe('openStore with SQLite', () => {
  it('creates the directory, migrates, and keeps the history in the file across opens', async () => {
    const path = join(dir, 'nested/deeper/history.db');
    const first = await openStore({ kind: 'sqlite', path });
    await first.startScan({ id: 's1', schedule: null, trigger: 'api', scopeKey: 'k', scope: { providers: ['aws'] }, startedAt: '2026-11-22T10:00:00.000Z', mutes: [] });
    await first.close();
    const second = await openStore({ kind: 'sqlite', path });
    try {
      expect(await second.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect((await second.getScan('s1'))?.status).toBe('running');
    } finally {
      await second.close();
    }
  });
});
