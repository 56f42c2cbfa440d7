import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from './migrations.js';
import { fromRow, type Row } from './sqlite.js';
import type { AuditEntry, NewQuestion, QuestionCounts, StateWrite, Store, StoredQuestion } from './types.js';

/** A state row written again replaces the value and the expiry. */
const UPSERT_STATE = 'ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at';

const INSERT_QUESTION = 'INSERT INTO questions (id, at, channel, user_key, question, intent, confidence, outcome, helpful) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)';

/**
 * The statements every question runs, prepared once per connection (PostgreSQL then skips parsing
 * and planning them: ~30 µs a statement on loopback).
 */
const HOT = {
  record: { name: 'faqbot-record', text: INSERT_QUESTION },
  recordDeletingState: { name: 'faqbot-record-delete-state', text: `WITH kept AS (DELETE FROM state WHERE key = $9) ${INSERT_QUESTION}` },
  recordKeepingState: {
    name: 'faqbot-record-keep-state',
    text: `WITH kept AS (INSERT INTO state (key, value, expires_at) VALUES ($9, $10, $11) ${UPSERT_STATE}) ${INSERT_QUESTION}`,
  },
  getState: { name: 'faqbot-get-state', text: 'SELECT value FROM state WHERE key = $1 AND expires_at > $2' },
  setState: { name: 'faqbot-set-state', text: `INSERT INTO state (key, value, expires_at) VALUES ($1, $2, $3) ${UPSERT_STATE}` },
  increment: {
    name: 'faqbot-increment',
    text: 'INSERT INTO counters (key, count, expires_at) VALUES ($1, 1, $2) ON CONFLICT (key) DO UPDATE SET count = counters.count + 1 RETURNING count',
  },
} as const;

/** The shared store for several app instances behind a load balancer: PostgreSQL at `DATABASE_URL`. */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and applies pending migrations (one at a time across instances, under an advisory lock). */
  static async open(url: string, onError?: (error: Error) => void): Promise<PostgresStore> {
    // A server that stops answering fails a query in seconds instead of holding every request;
    // a pooled connection the server drops (restart, failover) is an error of that connection, not of the process.
    const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 2000, query_timeout: 5000 });
    pool.on('error', (error) => onError?.(error));
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(727001)');
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          for (const sql of [...m.sql, ...(m.postgres ?? [])]) await client.query(sql);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
      client.release();
    }
    return new PostgresStore(pool);
  }

  async record(q: NewQuestion, keep?: StateWrite): Promise<string> {
    const id = randomUUID();
    const row = [id, q.at, q.channel, q.userKey, q.question, q.intent, q.confidence, q.outcome];
    if (!keep) await this.pool.query({ ...HOT.record, values: row });
    // One statement, one commit: a data-modifying WITH runs whatever the main statement reads of it.
    else if (keep.value === null) await this.pool.query({ ...HOT.recordDeletingState, values: [...row, keep.key] });
    else await this.pool.query({ ...HOT.recordKeepingState, values: [...row, keep.key, keep.value, keep.expiresAtMs] });
    return id;
  }

  async setFeedback(id: string, helpful: boolean, userKey: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE questions SET helpful = $1 WHERE id = $2 AND user_key = $3', [helpful ? 1 : 0, id, userKey]);
    return (r.rowCount ?? 0) > 0;
  }

  async claim(key: string, expiresAtMs: number): Promise<boolean> {
    await this.pool.query('DELETE FROM claims WHERE key = $1 AND expires_at <= $2', [key, Date.now()]);
    const r = await this.pool.query('INSERT INTO claims (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, expiresAtMs]);
    return (r.rowCount ?? 0) > 0;
  }

  async getState(key: string): Promise<string | null> {
    const r = await this.pool.query<{ value: string }>({ ...HOT.getState, values: [key, Date.now()] });
    return r.rows[0]?.value ?? null;
  }

  async setState(key: string, value: string, expiresAtMs: number): Promise<void> {
    await this.pool.query({ ...HOT.setState, values: [key, value, expiresAtMs] });
  }

  async keepState(key: string, value: string): Promise<string> {
    await this.pool.query('INSERT INTO state (key, value, expires_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [key, value, Number.MAX_SAFE_INTEGER]);
    return (await this.pool.query<{ value: string }>('SELECT value FROM state WHERE key = $1', [key])).rows[0]!.value;
  }

  async increment(key: string, expiresAtMs: number): Promise<number> {
    const r = await this.pool.query<{ count: string }>({ ...HOT.increment, values: [key, expiresAtMs] });
    return Number(r.rows[0]!.count);
  }

  async deleteState(key: string): Promise<void> {
    await this.pool.query('DELETE FROM state WHERE key = $1', [key]);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async countQuestions(fromMs: number, toMs: number, channel?: string): Promise<QuestionCounts> {
    const where = `at >= $1 AND at <= $2${channel ? ' AND channel = $3' : ''}`;
    const args = channel ? [fromMs, toMs, channel] : [fromMs, toMs];
    const [perDay, perIntent, feedback] = await Promise.all([
      this.pool.query<{ day: string; outcome: string; n: string }>(`SELECT at / 86400000 AS day, outcome, COUNT(*) AS n FROM questions WHERE ${where} GROUP BY day, outcome`, args),
      this.pool.query<{ intent: string; n: string }>(`SELECT intent, COUNT(*) AS n FROM questions WHERE ${where} AND outcome IN ('answer', 'clarify') GROUP BY intent`, args),
      this.pool.query<{ helpful: number; n: string }>(`SELECT helpful, COUNT(*) AS n FROM questions WHERE ${where} AND helpful IS NOT NULL GROUP BY helpful`, args),
    ]);
    return {
      perDay: perDay.rows.map((r) => ({ day: Number(r.day), outcome: r.outcome, n: Number(r.n) })),
      perIntent: perIntent.rows.map((r) => ({ intent: r.intent, n: Number(r.n) })),
      helpful: Number(feedback.rows.find((f) => Number(f.helpful) === 1)?.n ?? 0),
      unhelpful: Number(feedback.rows.find((f) => Number(f.helpful) === 0)?.n ?? 0),
    };
  }

  async gapQuestions(fromMs: number, toMs: number, limit: number, channel?: string): Promise<StoredQuestion[]> {
    const r = await this.pool.query<Row>(
      `SELECT * FROM questions WHERE at >= $1 AND at <= $2${channel ? ' AND channel = $4' : ''} AND (outcome = 'fallback' OR helpful = 0) ORDER BY at DESC, id LIMIT $3`,
      channel ? [fromMs, toMs, limit, channel] : [fromMs, toMs, limit],
    );
    return r.rows.map(fromRow).reverse();
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.pool.query('INSERT INTO audit (id, at, who, action, detail) VALUES ($1, $2, $3, $4, $5)', [randomUUID(), entry.at, entry.who, entry.action, entry.detail]);
  }

  async auditLog(limit: number): Promise<AuditEntry[]> {
    const r = await this.pool.query<{ at: string; who: string; action: string; detail: string }>('SELECT at, who, action, detail FROM audit ORDER BY at DESC, id LIMIT $1', [limit]);
    return r.rows.map((row) => ({ ...row, at: Number(row.at) }));
  }

  async since(sinceMs: number): Promise<StoredQuestion[]> {
    const r = await this.pool.query<Row>('SELECT * FROM questions WHERE at >= $1 ORDER BY at, id', [sinceMs]);
    return r.rows.map(fromRow);
  }

  async purgeBefore(cutoffMs: number): Promise<number> {
    await this.pool.query('DELETE FROM claims WHERE expires_at <= $1', [Date.now()]);
    await this.pool.query('DELETE FROM state WHERE expires_at <= $1', [Date.now()]);
    await this.pool.query('DELETE FROM counters WHERE expires_at <= $1', [Date.now()]);
    const r = await this.pool.query('DELETE FROM questions WHERE at < $1', [cutoffMs]);
    return r.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
