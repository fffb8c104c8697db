import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { makePrivateDir, makePrivateFile } from '../util/private-files.js';
import { SqlStore, type Param, type Row, type SqlDriver, type SqlExecutor } from './sql-store.js';

/**
 * SQLite through better-sqlite3 (12.x). Node 20, our floor, has no built-in SQLite (node:sqlite
 * arrived in 22.5 and is still marked experimental there), and better-sqlite3 is synchronous,
 * fast and has WAL, busy timeouts and a real transaction API. Calls are serialised through one
 * queue so that an awaited transaction never interleaves with another caller's statements.
 */
class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly db: Database.Database;
  private readonly direct: SqlExecutor;

  constructor(path: string) {
    if (path !== ':memory:') {
      makePrivateDir(dirname(path));
      // SQLite creates the -wal and -shm files with the database file's mode: an owner-only
      // database makes all three private. Narrow ones a crash or an older dutyscan left behind.
      makePrivateFile(path);
      for (const companion of [`${path}-wal`, `${path}-shm`]) if (existsSync(companion)) makePrivateFile(companion);
    }
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.direct = {
      all: async (sql, params = []) => this.db.prepare(sql).all(...(params as Param[])) as Row[],
      run: async (sql, params = []) => {
        this.db.prepare(sql).run(...(params as Param[]));
      },
    };
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  all(sql: string, params?: readonly Param[]): Promise<Row[]> {
    return this.serial(() => this.direct.all(sql, params));
  }

  run(sql: string, params?: readonly Param[]): Promise<void> {
    return this.serial(() => this.direct.run(sql, params));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  async lockForMigration(): Promise<void> {
    // BEGIN IMMEDIATE already holds the database's write lock.
  }

  /** The database's pages, free ones included: what the file takes once the WAL is checkpointed. */
  sizeBytes(): Promise<number> {
    return this.serial(async () => Number(this.db.pragma('page_count', { simple: true })) * Number(this.db.pragma('page_size', { simple: true })));
  }

  async reclaim(): Promise<void> {
    // SQLite puts the pages of deleted rows on its free list and reuses them for the next inserts.
  }

  close(): Promise<void> {
    return this.serial(async () => {
      this.db.close();
    });
  }
}

export function openSqliteStore(path: string): SqlStore {
  return new SqlStore(new SqliteDriver(path));
}
