import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { storeSuite } from './suite.js';

const dir = mkdtempSync(join(tmpdir(), 'dutyscan-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A file per test (WAL mode, as in production), not :memory:.
storeSuite('SQLite', async () => openSqliteStore(join(dir, `history-${n++}.db`)));
