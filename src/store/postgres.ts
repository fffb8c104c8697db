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

  async sizeBytes(tables: readonly string[]): Promise<number> {
    const [row] = await this.all(
      `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname IN (${tables.map(() => '?').join(', ')})`,
      tables,
    );
    return Number(row?.['bytes'] ?? 0);
  }

  /**
   * A plain VACUUM (it blocks no reader or writer and rewrites nothing) makes the space of the
   * rows a scan deleted or updated (every finding's state is rewritten) reusable at once, so the
   * store stays flat even where autovacuum runs late or scans follow each other closely.
   */
  async reclaim(tables: readonly string[]): Promise<void> {
    await this.pool.query(`VACUUM ${tables.join(', ')}`);
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
