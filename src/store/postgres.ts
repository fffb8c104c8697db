import pg from 'pg';
import { SqlStore, type Param, type Row, type SqlDriver, type SqlExecutor } from './sql-store.js';

/** `?` placeholders (the store's portable form) to PostgreSQL's `$1, $2, ...`. */
export const toPositional = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** An arbitrary constant: the advisory lock every dutyscan replica takes while migrating. */
const MIGRATION_LOCK = 0x64757479;

class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres' as const;

  constructor(private readonly pool: pg.Pool) {}

  private static executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
    return {
      all: async (sql, params = []) => (await client.query(toPositional(sql), params as Param[])).rows as Row[],
      run: async (sql, params = []) => {
        await client.query(toPositional(sql), params as Param[]);
      },
    };
  }

  all(sql: string, params?: readonly Param[]): Promise<Row[]> {
    return PostgresDriver.executor(this.pool).all(sql, params);
  }

  run(sql: string, params?: readonly Param[]): Promise<void> {
    return PostgresDriver.executor(this.pool).run(sql, params);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(PostgresDriver.executor(client));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async lockForMigration(tx: SqlExecutor): Promise<void> {
    await tx.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export function openPostgresStore(url: string, options: { max?: number } = {}): SqlStore {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4 });
  // An idle client that loses its connection must not crash the service; the next query reconnects.
  pool.on('error', () => undefined);
  return new SqlStore(new PostgresDriver(pool));
}
