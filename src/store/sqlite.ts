import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.js';
import type { AuditEntry, NewQuestion, QuestionCounts, StateWrite, Store, StoredQuestion } from './types.js';

const DAY_MS = 86_400_000;

interface Row {
  id: string;
  at: number;
  channel: NewQuestion['channel'];
  user_key: string;
  question: string;
  intent: string;
  confidence: number;
  outcome: string;
  helpful: number | null;
}

/** A row as the interface returns it. */
export function fromRow(r: Row): StoredQuestion {
  return {
    id: r.id,
    at: Number(r.at),
    channel: r.channel,
    userKey: r.user_key,
    question: r.question,
    intent: r.intent,
    confidence: Number(r.confidence),
    outcome: r.outcome,
    helpful: r.helpful === null ? null : Number(r.helpful) === 1,
  };
}

/**
 * The default store: one SQLite file (created with its folder on first start), in WAL mode, each
 * record in its own transaction. A committed row is in the WAL file before the call returns, so a
 * process that crashes, or is killed with SIGKILL, loses none; the WAL is synced to disk at
 * checkpoints rather than at every commit (`synchronous = NORMAL`), so only a crash of the whole
 * machine may lose the last commits. `SQLITE_SYNCHRONOUS=FULL` syncs every commit (an fsync each:
 * ~0.3 ms more a question on this machine).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(
    private readonly file: string,
    synchronous: 'NORMAL' | 'FULL' = 'NORMAL',
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous}`);
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.insert = this.db.prepare(
      'INSERT INTO questions (id, at, channel, user_key, question, intent, confidence, outcome, helpful) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)',
    );
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        for (const sql of m.sql) this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
      })();
    }
  }

  async record(q: NewQuestion, keep?: StateWrite): Promise<string> {
    const id = randomUUID();
    if (!keep) {
      this.insert.run(id, q.at, q.channel, q.userKey, q.question, q.intent, q.confidence, q.outcome);
      return id;
    }
    this.db.transaction(() => {
      this.insert.run(id, q.at, q.channel, q.userKey, q.question, q.intent, q.confidence, q.outcome);
      this.writeState(keep.key, keep.value, keep.expiresAtMs);
    })();
    return id;
  }

  /** Keeps `value` under `key` until `expiresAtMs`, or deletes the key when `value` is null. */
  private writeState(key: string, value: string | null, expiresAtMs: number): void {
    if (value === null) this.db.prepare('DELETE FROM state WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO state (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at').run(key, value, expiresAtMs);
  }

  async setFeedback(id: string, helpful: boolean, userKey: string): Promise<boolean> {
    return this.db.prepare('UPDATE questions SET helpful = ? WHERE id = ? AND user_key = ?').run(helpful ? 1 : 0, id, userKey).changes > 0;
  }

  async claim(key: string, expiresAtMs: number): Promise<boolean> {
    this.db.prepare('DELETE FROM claims WHERE key = ? AND expires_at <= ?').run(key, Date.now());
    return this.db.prepare('INSERT OR IGNORE INTO claims (key, expires_at) VALUES (?, ?)').run(key, expiresAtMs).changes > 0;
  }

  async getState(key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM state WHERE key = ? AND expires_at > ?').get(key, Date.now()) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async setState(key: string, value: string, expiresAtMs: number): Promise<void> {
    this.writeState(key, value, expiresAtMs);
  }

  async keepState(key: string, value: string): Promise<string> {
    this.db.prepare('INSERT INTO state (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING').run(key, value, Number.MAX_SAFE_INTEGER);
    return (this.db.prepare('SELECT value FROM state WHERE key = ?').get(key) as { value: string }).value;
  }

  async increment(key: string, expiresAtMs: number): Promise<number> {
    const row = this.db
      .prepare('INSERT INTO counters (key, count, expires_at) VALUES (?, 1, ?) ON CONFLICT (key) DO UPDATE SET count = count + 1 RETURNING count')
      .get(key, expiresAtMs) as { count: number };
    return Number(row.count);
  }

  async deleteState(key: string): Promise<void> {
    this.writeState(key, null, 0);
  }

  async ping(): Promise<void> {
    // A file deleted or overwritten under the running process must show: read a real page, check the file is there.
    this.db.prepare('SELECT version FROM schema_migrations LIMIT 1').get();
    if (this.file !== ':memory:' && !existsSync(this.file)) throw new Error(`the database file ${this.file} is gone`);
  }

  async countQuestions(fromMs: number, toMs: number, channel?: string): Promise<QuestionCounts> {
    const where = `at >= ? AND at <= ?${channel ? ' AND channel = ?' : ''}`;
    const args = channel ? [fromMs, toMs, channel] : [fromMs, toMs];
    const perDay = this.db.prepare(`SELECT at / ${DAY_MS} AS day, outcome, COUNT(*) AS n FROM questions WHERE ${where} GROUP BY day, outcome`).all(...args) as { day: number; outcome: string; n: number }[];
    const perIntent = this.db.prepare(`SELECT intent, COUNT(*) AS n FROM questions WHERE ${where} AND outcome IN ('answer', 'clarify') GROUP BY intent`).all(...args) as { intent: string; n: number }[];
    const feedback = this.db.prepare(`SELECT helpful, COUNT(*) AS n FROM questions WHERE ${where} AND helpful IS NOT NULL GROUP BY helpful`).all(...args) as { helpful: number; n: number }[];
    return {
      perDay: perDay.map((r) => ({ day: Number(r.day), outcome: r.outcome, n: Number(r.n) })),
      perIntent: perIntent.map((r) => ({ intent: r.intent, n: Number(r.n) })),
      helpful: Number(feedback.find((f) => Number(f.helpful) === 1)?.n ?? 0),
      unhelpful: Number(feedback.find((f) => Number(f.helpful) === 0)?.n ?? 0),
    };
  }

  async gapQuestions(fromMs: number, toMs: number, limit: number, channel?: string): Promise<StoredQuestion[]> {
    const rows = this.db
      .prepare(`SELECT * FROM questions WHERE at >= ? AND at <= ?${channel ? ' AND channel = ?' : ''} AND (outcome = 'fallback' OR helpful = 0) ORDER BY at DESC, id LIMIT ?`)
      .all(...(channel ? [fromMs, toMs, channel, limit] : [fromMs, toMs, limit])) as Row[];
    return rows.map(fromRow).reverse();
  }

  async audit(entry: AuditEntry): Promise<void> {
    this.db.prepare('INSERT INTO audit (id, at, who, action, detail) VALUES (?, ?, ?, ?, ?)').run(randomUUID(), entry.at, entry.who, entry.action, entry.detail);
  }

  async auditLog(limit: number): Promise<AuditEntry[]> {
    return (this.db.prepare('SELECT at, who, action, detail FROM audit ORDER BY at DESC, id LIMIT ?').all(limit) as { at: number; who: string; action: string; detail: string }[]).map((r) => ({ ...r, at: Number(r.at) }));
  }

  async since(sinceMs: number): Promise<StoredQuestion[]> {
    return (this.db.prepare('SELECT * FROM questions WHERE at >= ? ORDER BY at, id').all(sinceMs) as Row[]).map(fromRow);
  }

  async purgeBefore(cutoffMs: number): Promise<number> {
    this.db.prepare('DELETE FROM claims WHERE expires_at <= ?').run(Date.now());
    this.db.prepare('DELETE FROM state WHERE expires_at <= ?').run(Date.now());
    this.db.prepare('DELETE FROM counters WHERE expires_at <= ?').run(Date.now());
    return this.db.prepare('DELETE FROM questions WHERE at < ?').run(cutoffMs).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export type { Row };
