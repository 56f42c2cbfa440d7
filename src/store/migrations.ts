/** One version of the schema: SQL both back ends run, then SQL only PostgreSQL runs (its storage options). */
export interface Migration {
  readonly version: number;
  readonly sql: readonly string[];
  readonly postgres?: readonly string[];
}

/**
 * The store's schema, one migration a version, applied in order and recorded in
 * `schema_migrations`. Written in SQL both SQLite and PostgreSQL accept; never edit a released one,
 * add the next.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: [
      `CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        channel TEXT NOT NULL,
        user_key TEXT NOT NULL,
        question TEXT NOT NULL,
        intent TEXT NOT NULL,
        confidence REAL NOT NULL,
        outcome TEXT NOT NULL,
        helpful INTEGER
      )`,
      'CREATE INDEX questions_at ON questions (at)',
    ],
  },
  {
    version: 2,
    sql: [
      // One-time claims (a triage post per record, ...): the first instance to insert a key wins.
      `CREATE TABLE claims (
        key TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      )`,
      'CREATE INDEX claims_expires_at ON claims (expires_at)',
    ],
  },
  {
    version: 3,
    sql: [
      // Small state that must outlive a request and be shared by instances (conversation context,
      // ...), each entry with its expiry.
      `CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      'CREATE INDEX state_expires_at ON state (expires_at)',
    ],
  },
  {
    version: 4,
    sql: [
      // Counters of rate-limit windows, one row a key and window, shared by instances.
      `CREATE TABLE counters (
        key TEXT PRIMARY KEY,
        count BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      'CREATE INDEX counters_expires_at ON counters (expires_at)',
    ],
  },
  {
    version: 5,
    sql: [
      // What advisors changed from the dashboard: who, when, what. Kept, never purged with questions.
      `CREATE TABLE audit (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
      )`,
      'CREATE INDEX audit_at ON audit (at)',
    ],
  },
  {
    version: 6,
    sql: [],
    postgres: [
      // Rate-limit counts live a minute or two: they need not wait for the write-ahead log's disk
      // flush on every question (a commit touching only an unlogged table does not). A crash of the
      // database server empties the table, which forgets at most the current window's counts; a
      // restart keeps them.
      'ALTER TABLE counters SET UNLOGGED',
    ],
  },
];
