import { randomUUID } from 'node:crypto';
import type { Attestation } from '../attestation/schema.js';
import type { Severity } from '../core/check.js';
import type { Finding, Status } from '../core/finding.js';
import type { ScanScope } from '../service/config.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
import {
  dueAtOf,
  type Change,
  type FindingQuery,
  type FindingsRetention,
  type FindingState,
  type FindingUpdate,
  type HistoryStore,
  type Lifecycle,
  type NewRunShard,
  type NewScan,
  type Page,
  type ScanFindingRow,
  type ScanOutcome,
  type ScanQuery,
  type ScanRecord,
  type RunContext,
  type RunShard,
  type ScanStatus,
  type StoredAttestation,
  type Transition,
  type Trigger,
} from './types.js';

export type Row = Record<string, unknown>;
export type Param = string | number | null;

/** The statements a store needs, with `?` placeholders whichever the database. */
export interface SqlExecutor {
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  run(sql: string, params?: readonly Param[]): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: 'sqlite' | 'postgres';
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Serialise concurrent migrators (several replicas starting at once); inside the transaction. */
  lockForMigration(tx: SqlExecutor): Promise<void>;
  /** Bytes these tables occupy with their indexes (SQLite: the whole database). */
  sizeBytes(tables: readonly string[]): Promise<number>;
  /** Make the space of deleted and rewritten rows of these tables reusable now, not whenever the database gets round to it. */
  reclaim(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

const json = (value: unknown): string => JSON.stringify(value);
const parse = <T>(value: unknown): T => JSON.parse(String(value)) as T;
const parseOrNull = <T>(value: unknown): T | null => (value === null || value === undefined ? null : parse<T>(value));
const num = (value: unknown): number => Number(value);
const bool = (value: unknown): boolean => Number(value) === 1;
const flag = (b: boolean): number => (b ? 1 : 0);

const encodeCursor = (parts: readonly string[]): string => Buffer.from(json(parts)).toString('base64url');

export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this server issued');
    this.name = 'InvalidCursorError';
  }
}

function decodeCursor(cursor: string, length: number): string[] {
  try {
    const parts = parse<unknown>(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === length && parts.every((p) => typeof p === 'string')) return parts as string[];
  } catch {
    // fall through: any malformed cursor is the client's error
  }
  throw new InvalidCursorError();
}

const BATCH = 200;

/** Every table the migrations create, for the store's size. */
const TABLES = ['schema_migrations', 'scans', 'findings', 'scan_findings', 'finding_transitions', 'scan_mutes', 'attestations', 'run_shards'];

/** Rows per INSERT: 200 rows of 17 columns stay far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 200;

/** `<head> VALUES (?, ...), (?, ...) <tail>` for rows of one width, ROWS_PER_STATEMENT at a time. */
async function insertRows(tx: SqlExecutor, head: string, tail: string, rows: readonly Param[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const tuple = `(${chunk[0]!.map(() => '?').join(', ')})`;
    await tx.run(`${head} VALUES ${chunk.map(() => tuple).join(', ')} ${tail}`, chunk.flat());
  }
}

/** The history store over any SQL driver: the same statements, the same tests, on SQLite and PostgreSQL. */
export class SqlStore implements HistoryStore {
  constructor(readonly driver: SqlDriver) {}

  get kind(): 'sqlite' | 'postgres' {
    return this.driver.kind;
  }

  async schemaVersion(): Promise<number> {
    return this.driver.transaction(async (tx) => {
      await this.driver.lockForMigration(tx);
      await this.ensureMigrationTable(tx);
      const [row] = await tx.all('SELECT MAX(version) AS v FROM schema_migrations');
      return row?.['v'] === null || row?.['v'] === undefined ? 0 : num(row['v']);
    });
  }

  private async ensureMigrationTable(db: SqlExecutor): Promise<void> {
    await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  }

  async migrate(target: number = LATEST_SCHEMA_VERSION): Promise<number> {
    if (target > LATEST_SCHEMA_VERSION) throw new Error(`no schema version ${target}; the latest is ${LATEST_SCHEMA_VERSION}`);
    return this.driver.transaction(async (tx) => {
      // Lock first: even CREATE TABLE IF NOT EXISTS races between two replicas on PostgreSQL.
      await this.driver.lockForMigration(tx);
      await this.ensureMigrationTable(tx);
      const [row] = await tx.all('SELECT MAX(version) AS v FROM schema_migrations');
      const current = row?.['v'] === null || row?.['v'] === undefined ? 0 : num(row['v']);
      if (current > LATEST_SCHEMA_VERSION) {
        throw new Error(`the store is at schema version ${current}, newer than this dutyscan (${LATEST_SCHEMA_VERSION}): upgrade dutyscan`);
      }
      for (const m of MIGRATIONS) {
        if (m.version <= current || m.version > target) continue;
        for (const statement of m.statements) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      }
      return Math.max(current, target);
    });
  }

  async startScan(scan: NewScan): Promise<void> {
    await this.driver.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO scans (id, schedule, triggered_by, scope_key, scope, status, started_at) VALUES (?, ?, ?, ?, ?, 'running', ?)`,
        [scan.id, scan.schedule, scan.trigger, scan.scopeKey, json(scan.scope), scan.startedAt],
      );
      for (const m of scan.mutes) {
        await tx.run('INSERT INTO scan_mutes (scan_id, rule, entry, expired) VALUES (?, ?, ?, ?)', [scan.id, m.rule, json(m.entry), flag(m.expired)]);
      }
    });
  }

  async finishScan(id: string, outcome: ScanOutcome): Promise<void> {
    const s = outcome.summary;
    const [row] = await this.driver.all('SELECT started_at FROM scans WHERE id = ?', [id]);
    if (!row) throw new Error(`no scan ${id}`);
    const durationMs = Date.parse(outcome.finishedAt) - Date.parse(String(row['started_at']));
    await this.driver.run(
      `UPDATE scans SET status = ?, finished_at = ?, duration_ms = ?, findings = ?, counts = ?, api_calls = ?,
         total_api_calls = ?, errors = ?, message = ?, summary = ?, drift = ? WHERE id = ?`,
      [
        outcome.status,
        outcome.finishedAt,
        durationMs,
        s?.findings ?? 0,
        s ? json(s.counts) : null,
        s ? json(s.apiCalls) : null,
        s?.totalApiCalls ?? 0,
        json(s?.errors ?? []),
        outcome.message,
        s ? json(s) : null,
        json(outcome.drift),
        id,
      ],
    );
  }

  async abandonRunningScans(message: string, at: string): Promise<number> {
    const rows = await this.driver.all(`SELECT id FROM scans WHERE status = 'running'`);
    for (const r of rows) {
      await this.driver.run(`UPDATE scans SET status = 'interrupted', finished_at = ?, message = ? WHERE id = ?`, [at, message, String(r['id'])]);
    }
    return rows.length;
  }

  async getScan(id: string): Promise<ScanRecord | undefined> {
    const [row] = await this.driver.all('SELECT * FROM scans WHERE id = ?', [id]);
    return row ? toScan(row) : undefined;
  }

  async listScans(query: ScanQuery): Promise<Page<ScanRecord>> {
    const where: string[] = [];
    const params: Param[] = [];
    if (query.schedule !== undefined) { where.push('schedule = ?'); params.push(query.schedule); }
    if (query.status !== undefined) { where.push('status = ?'); params.push(query.status); }
    if (query.scopeKey !== undefined) { where.push('scope_key = ?'); params.push(query.scopeKey); }
    if (query.cursor !== undefined) {
      const [startedAt, id] = decodeCursor(query.cursor, 2) as [string, string];
      where.push('(started_at < ? OR (started_at = ? AND id < ?))');
      params.push(startedAt, startedAt, id);
    }
    const rows = await this.driver.all(
      `SELECT * FROM scans ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at DESC, id DESC LIMIT ?`,
      [...params, query.limit + 1],
    );
    const items = rows.slice(0, query.limit).map(toScan);
    const last = items[items.length - 1];
    return rows.length > query.limit && last ? { items, next: encodeCursor([last.startedAt, last.id]) } : { items };
  }

  async previousScan(scopeKey: string, before: string): Promise<ScanRecord | undefined> {
    const [row] = await this.driver.all(
      `SELECT * FROM scans WHERE scope_key = ? AND started_at < ? AND status <> 'running' ORDER BY started_at DESC, id DESC LIMIT 1`,
      [scopeKey, before],
    );
    return row ? toScan(row) : undefined;
  }

  async findingStates(ids: readonly string[]): Promise<Map<string, FindingState>> {
    const states = new Map<string, FindingState>();
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const rows = await this.driver.all(`SELECT * FROM findings WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk);
      for (const row of rows) states.set(String(row['id']), toState(row));
    }
    return states;
  }

  async openFindings(provider: string, account: string): Promise<FindingState[]> {
    const rows = await this.driver.all(`SELECT * FROM findings WHERE provider = ? AND account = ? AND lifecycle = 'open' ORDER BY id`, [provider, account]);
    return rows.map(toState);
  }

  async record(scanId: string, at: string, updates: readonly FindingUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    // A multi-row upsert may touch a row once (PostgreSQL): per id, the last update wins, as it would one by one.
    // In id order, so that shards recording at once lock the rows they share in one order (no deadlock).
    const unique = [...new Map(updates.map((u) => [u.state.id, u])).values()].sort((a, b) => (a.state.id < b.state.id ? -1 : a.state.id > b.state.id ? 1 : 0));
    const states: Param[][] = [];
    const perScan: Param[][] = [];
    const moves: Param[][] = [];
    for (const { state: s, previous, change, observed } of unique) {
      states.push([s.id, s.checkId, s.provider, s.account, s.region, s.resourceId, s.severity, s.duty, s.status, flag(s.muted), s.lifecycle,
        s.firstSeen, s.lastSeen, s.failingSince, s.lastScanId, json(s.finding), dueAtOf(s)]);
      if (observed || change !== null) perScan.push([scanId, s.id, s.status, flag(s.muted), change, json(s.finding)]);
      const moved = !previous || previous.status !== s.status || previous.muted !== s.muted || change !== null;
      if (moved && change !== 'still-failing') {
        moves.push([scanId, s.id, at, previous?.status ?? null, s.status, previous ? flag(previous.muted) : null, flag(s.muted), change]);
      }
    }
    // A few multi-row statements per batch rather than three per finding: on PostgreSQL each statement is a round trip.
    await this.driver.transaction(async (tx) => {
      await insertRows(tx,
        `INSERT INTO findings (id, check_id, provider, account, region, resource_id, severity, duty, status, muted, lifecycle,
           first_seen, last_seen, failing_since, last_scan_id, finding, due_at)`,
        `ON CONFLICT (id) DO UPDATE SET severity = excluded.severity, duty = excluded.duty, status = excluded.status,
           muted = excluded.muted, lifecycle = excluded.lifecycle, last_seen = excluded.last_seen,
           failing_since = excluded.failing_since, last_scan_id = excluded.last_scan_id, finding = excluded.finding,
           due_at = excluded.due_at`,
        states);
      await insertRows(tx,
        'INSERT INTO scan_findings (scan_id, finding_id, status, muted, change_kind, finding)',
        `ON CONFLICT (scan_id, finding_id) DO UPDATE SET status = excluded.status, muted = excluded.muted,
           change_kind = excluded.change_kind, finding = excluded.finding`,
        perScan);
      await insertRows(tx,
        'INSERT INTO finding_transitions (scan_id, finding_id, at, from_status, to_status, from_muted, to_muted, change_kind)',
        'ON CONFLICT (scan_id, finding_id) DO NOTHING',
        moves);
    });
  }

  /** The transitions of one finding, oldest first. */
  async transitions(findingId: string): Promise<Transition[]> {
    const rows = await this.driver.all('SELECT * FROM finding_transitions WHERE finding_id = ? ORDER BY at, scan_id', [findingId]);
    return rows.map((r) => ({
      scanId: String(r['scan_id']),
      at: String(r['at']),
      from: (r['from_status'] ?? null) as Status | null,
      to: r['to_status'] as Status,
      change: (r['change_kind'] ?? null) as Change | null,
    }));
  }

  async *scanFindings(scanId: string): AsyncIterable<ScanFindingRow> {
    let after = '';
    for (;;) {
      const rows = await this.driver.all(
        'SELECT finding_id, change_kind, finding FROM scan_findings WHERE scan_id = ? AND finding_id > ? ORDER BY finding_id LIMIT ?',
        [scanId, after, 500],
      );
      for (const r of rows) yield { finding: parse<Finding>(r['finding']), change: (r['change_kind'] ?? null) as Change | null };
      if (rows.length < 500) return;
      after = String(rows[rows.length - 1]!['finding_id']);
    }
  }

  async listFindings(query: FindingQuery): Promise<Page<FindingState>> {
    const where: string[] = [];
    const params: Param[] = [];
    const eq = (column: string, value: string | undefined) => {
      if (value !== undefined) { where.push(`${column} = ?`); params.push(value); }
    };
    eq('status', query.status);
    eq('lifecycle', query.lifecycle);
    eq('severity', query.severity);
    eq('provider', query.provider);
    eq('account', query.account);
    eq('region', query.region);
    eq('check_id', query.checkId);
    eq('duty', query.duty);
    if (query.muted !== undefined) { where.push('muted = ?'); params.push(flag(query.muted)); }
    if (query.overdue !== undefined) {
      where.push(query.overdue.value ? 'due_at < ?' : '(due_at IS NULL OR due_at >= ?)');
      params.push(query.overdue.at);
    }
    if (query.cursor !== undefined) {
      const [id] = decodeCursor(query.cursor, 1) as [string];
      where.push('id > ?');
      params.push(id);
    }
    const rows = await this.driver.all(
      `SELECT * FROM findings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`,
      [...params, query.limit + 1],
    );
    const items = rows.slice(0, query.limit).map(toState);
    const last = items[items.length - 1];
    return rows.length > query.limit && last ? { items, next: encodeCursor([last.id]) } : { items };
  }

  async countOverdue(at: string): Promise<number> {
    const [row] = await this.driver.all('SELECT COUNT(*) AS n FROM findings WHERE due_at < ?', [at]);
    return num(row?.['n'] ?? 0);
  }

  async prune(before: string): Promise<number> {
    return this.driver.transaction(async (tx) => {
      const rows = await tx.all(`SELECT id FROM scans WHERE started_at < ? AND status <> 'running'`, [before]);
      for (let i = 0; i < rows.length; i += BATCH) {
        const ids = rows.slice(i, i + BATCH).map((r) => String(r['id']));
        const list = ids.map(() => '?').join(', ');
        for (const table of ['scan_findings', 'finding_transitions', 'scan_mutes', 'run_shards']) await tx.run(`DELETE FROM ${table} WHERE scan_id IN (${list})`, ids);
        await tx.run(`DELETE FROM scans WHERE id IN (${list})`, ids);
      }
      return rows.length;
    });
  }

  async compact(retention: FindingsRetention, at: string): Promise<number> {
    const beyond: string[] = [];
    const params: Param[] = [];
    if (retention.scans !== undefined) { beyond.push('position > ?'); params.push(retention.scans); }
    if (retention.before !== undefined) { beyond.push('started_at < ?'); params.push(retention.before); }
    if (beyond.length === 0) return 0;
    return this.driver.transaction(async (tx) => {
      const rows = await tx.all(
        `SELECT id FROM (
           SELECT id, started_at, compacted_at, ROW_NUMBER() OVER (PARTITION BY scope_key ORDER BY started_at DESC, id DESC) AS position
           FROM scans WHERE status <> 'running'
         ) ranked WHERE compacted_at IS NULL AND (${beyond.join(' OR ')})`,
        params,
      );
      for (let i = 0; i < rows.length; i += BATCH) {
        const ids = rows.slice(i, i + BATCH).map((r) => String(r['id']));
        const list = ids.map(() => '?').join(', ');
        await tx.run(`DELETE FROM scan_findings WHERE scan_id IN (${list})`, ids);
        await tx.run(`UPDATE scans SET compacted_at = ? WHERE id IN (${list})`, [at, ...ids]);
      }
      return rows.length;
    });
  }

  reclaim(): Promise<void> {
    return this.driver.reclaim(TABLES);
  }

  sizeBytes(): Promise<number> {
    return this.driver.sizeBytes(TABLES);
  }

  async addRunShard(shard: NewRunShard): Promise<void> {
    await this.driver.run(
      `INSERT INTO run_shards (run_id, shard_index, shard_count, scan_id, context, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, shard_index) DO UPDATE SET shard_count = excluded.shard_count, scan_id = excluded.scan_id,
         context = excluded.context, recorded_at = excluded.recorded_at`,
      [shard.runId, shard.index, shard.count, shard.scanId, json(shard.context), shard.recordedAt],
    );
  }

  async runShards(runId: string): Promise<RunShard[]> {
    const rows = await this.driver.all(
      `SELECT r.run_id, r.shard_index, r.shard_count, r.scan_id, r.context, r.recorded_at, s.*
       FROM run_shards r LEFT JOIN scans s ON s.id = r.scan_id WHERE r.run_id = ? ORDER BY r.shard_index`,
      [runId],
    );
    return rows.map((r) => ({
      runId: String(r['run_id']),
      index: num(r['shard_index']),
      count: num(r['shard_count']),
      scanId: String(r['scan_id']),
      context: parse<RunContext>(r['context']),
      recordedAt: String(r['recorded_at']),
      scan: r['id'] === null || r['id'] === undefined ? undefined : toScan(r),
    }));
  }

  async addAttestations(attestations: readonly Attestation[], recordedAt: string): Promise<StoredAttestation[]> {
    const stored = attestations.map((a) => ({ ...a, id: randomUUID(), recordedAt }));
    await this.driver.transaction(async (tx) => {
      for (const a of stored) {
        await tx.run('INSERT INTO attestations (id, obligation, signed_on, recorded_at, attestation) VALUES (?, ?, ?, ?, ?)', [a.id, a.obligation, a.date, recordedAt, json(a)]);
      }
    });
    return stored;
  }

  async listAttestations(): Promise<StoredAttestation[]> {
    const rows = await this.driver.all('SELECT attestation FROM attestations ORDER BY signed_on, recorded_at, id');
    return rows.map((r) => parse<StoredAttestation>(r['attestation']));
  }

  /** The mutelist a scan ran with. */
  async scanMutes(scanId: string): Promise<{ rule: number; entry: unknown; expired: boolean }[]> {
    const rows = await this.driver.all('SELECT rule, entry, expired FROM scan_mutes WHERE scan_id = ? ORDER BY rule', [scanId]);
    return rows.map((r) => ({ rule: num(r['rule']), entry: parse(r['entry']), expired: bool(r['expired']) }));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

function toScan(r: Row): ScanRecord {
  return {
    id: String(r['id']),
    schedule: (r['schedule'] ?? null) as string | null,
    trigger: r['triggered_by'] as Trigger,
    scopeKey: String(r['scope_key']),
    scope: parse<ScanScope>(r['scope']),
    status: r['status'] as ScanStatus,
    startedAt: String(r['started_at']),
    finishedAt: (r['finished_at'] ?? null) as string | null,
    durationMs: r['duration_ms'] === null || r['duration_ms'] === undefined ? null : num(r['duration_ms']),
    findings: num(r['findings']),
    counts: parseOrNull(r['counts']),
    apiCalls: parseOrNull(r['api_calls']),
    totalApiCalls: num(r['total_api_calls']),
    errors: parse(r['errors']),
    message: (r['message'] ?? null) as string | null,
    summary: parseOrNull(r['summary']),
    drift: r['drift'] === undefined ? {} : parse(r['drift']),
    compactedAt: (r['compacted_at'] ?? null) as string | null,
  };
}

function toState(r: Row): FindingState {
  return {
    id: String(r['id']),
    checkId: String(r['check_id']),
    provider: String(r['provider']),
    account: String(r['account']),
    region: String(r['region']),
    resourceId: String(r['resource_id']),
    severity: r['severity'] as Severity,
    duty: String(r['duty']),
    status: r['status'] as Status,
    muted: bool(r['muted']),
    lifecycle: r['lifecycle'] as Lifecycle,
    firstSeen: String(r['first_seen']),
    lastSeen: String(r['last_seen']),
    failingSince: (r['failing_since'] ?? null) as string | null,
    lastScanId: String(r['last_scan_id']),
    finding: parse<Finding>(r['finding']),
  };
}
