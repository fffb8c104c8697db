/**
 * Versioned schema migrations, applied in order and recorded in `schema_migrations`. The SQL is the
 * common subset of SQLite and PostgreSQL (TEXT, INTEGER, ON CONFLICT), so both stores run the same
 * statements; JSON documents are TEXT in both. A released migration is never edited: add one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'scans and finding lifecycles',
    statements: [
      `CREATE TABLE scans (
        id TEXT PRIMARY KEY,
        schedule TEXT,
        triggered_by TEXT NOT NULL,
        scope_key TEXT NOT NULL,
        scope TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        duration_ms INTEGER,
        findings INTEGER NOT NULL DEFAULT 0,
        counts TEXT,
        api_calls TEXT,
        total_api_calls INTEGER NOT NULL DEFAULT 0,
        errors TEXT NOT NULL DEFAULT '[]',
        message TEXT,
        summary TEXT
      )`,
      `CREATE INDEX scans_started ON scans (started_at, id)`,
      `CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        check_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        duty TEXT NOT NULL,
        status TEXT NOT NULL,
        muted INTEGER NOT NULL,
        lifecycle TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        failing_since TEXT,
        last_scan_id TEXT NOT NULL,
        finding TEXT NOT NULL
      )`,
      `CREATE INDEX findings_account ON findings (provider, account, lifecycle)`,
      `CREATE TABLE scan_findings (
        scan_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        status TEXT NOT NULL,
        muted INTEGER NOT NULL,
        change_kind TEXT,
        finding TEXT NOT NULL,
        PRIMARY KEY (scan_id, finding_id)
      )`,
    ],
  },
  {
    version: 2,
    name: 'status transitions, mutes in force, drift per scan',
    statements: [
      `CREATE TABLE finding_transitions (
        scan_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        at TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        from_muted INTEGER,
        to_muted INTEGER NOT NULL,
        change_kind TEXT,
        PRIMARY KEY (scan_id, finding_id)
      )`,
      `CREATE INDEX finding_transitions_finding ON finding_transitions (finding_id, at)`,
      `CREATE TABLE scan_mutes (
        scan_id TEXT NOT NULL,
        rule INTEGER NOT NULL,
        entry TEXT NOT NULL,
        expired INTEGER NOT NULL,
        PRIMARY KEY (scan_id, rule)
      )`,
      `ALTER TABLE scans ADD COLUMN drift TEXT NOT NULL DEFAULT '{}'`,
      `CREATE INDEX scans_scope ON scans (scope_key, started_at)`,
    ],
  },
  {
    version: 3,
    name: 'when retention removed a scan\'s findings',
    statements: [`ALTER TABLE scans ADD COLUMN compacted_at TEXT`],
  },
  {
    version: 4,
    name: 'contract deadlines: when an open failure must be cured by',
    statements: [`ALTER TABLE findings ADD COLUMN due_at TEXT`, `CREATE INDEX findings_due ON findings (due_at)`],
  },
  {
    version: 5,
    name: 'attestations: sign-offs for obligations no API can prove',
    statements: [
      `CREATE TABLE attestations (
        id TEXT PRIMARY KEY,
        obligation TEXT NOT NULL,
        signed_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        attestation TEXT NOT NULL
      )`,
      `CREATE INDEX attestations_obligation ON attestations (obligation, signed_on)`,
    ],
  },
  {
    version: 6,
    name: 'runs: the shards of one scan, each recorded by its own pod',
    statements: [
      // One row per shard of a run; a retried shard replaces its row with its new scan.
      `CREATE TABLE run_shards (
        run_id TEXT NOT NULL,
        shard_index INTEGER NOT NULL,
        shard_count INTEGER NOT NULL,
        scan_id TEXT NOT NULL,
        context TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (run_id, shard_index)
      )`,
    ],
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
