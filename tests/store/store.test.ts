import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { NewQuestion, Store } from '../../src/store/types.js';
import pg from 'pg';
import { PG_URL, postgresReachable } from '../support/postgres.js';

const pgUp = await postgresReachable();
if (!pgUp) console.warn(`PostgreSQL store tests skipped: ${PG_URL ? `no server answers at TEST_DATABASE_URL` : 'TEST_DATABASE_URL is not set'} (.ci/run installs and starts one)`);

const q = (over: Partial<NewQuestion> = {}): NewQuestion => ({
  at: Date.UTC(2026, 10, 20, 12),
  channel: 'slack',
  userKey: 'abc123',
  question: 'what is the salary',
  intent: 'salary',
  confidence: 0.9,
  outcome: 'answer',
  ...over,
});

const backends: { name: string; enabled: boolean; open: () => Promise<Store>; clean: (s: Store) => Promise<void> }[] = [
  {
    name: 'sqlite',
    enabled: true,
    open: async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'faqbot-store-')), 'sub', 'faqbot.db')),
    clean: async (s) => {
      await s.purgeBefore(Number.MAX_SAFE_INTEGER);
    },
  },
  {
    name: 'postgres',
    enabled: pgUp,
    open: async () => PostgresStore.open(PG_URL!),
    clean: async (s) => {
      await s.purgeBefore(Number.MAX_SAFE_INTEGER);
    },
  },
];

for (const backend of backends) {
  describe.runIf(backend.enabled)(`store contract: ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => store.close());
    beforeEach(async () => backend.clean(store));

    it('records an outcome and reads it back with no feedback yet', async () => {
      const id = await store.record(q());
      const rows = await store.since(0);
      expect(rows).toEqual([{ id, ...q(), helpful: null }]);
    });

    it('feedback is kept on the question it was given for; an unknown id reports false', async () => {
      const a = await store.record(q());
      const b = await store.record(q({ question: 'how long is training', intent: 'training.programs' }));
      expect(await store.setFeedback(b, false, 'abc123')).toBe(true);
      expect(await store.setFeedback('no-such-id', true, 'abc123')).toBe(false);
      const rows = await store.since(0);
      expect(rows.find((r) => r.id === a)!.helpful).toBeNull();
      expect(rows.find((r) => r.id === b)!.helpful).toBe(false);
    });

    it("feedback from anyone but the asker never changes a record", async () => {
      const mine = await store.record(q({ userKey: 'asker' }));
      expect(await store.setFeedback(mine, false, 'someone-else')).toBe(false);
      expect((await store.since(0))[0]!.helpful).toBeNull();
      expect(await store.setFeedback(mine, true, 'asker')).toBe(true);
      expect(await store.setFeedback(mine, false, 'someone-else')).toBe(false);
      expect((await store.since(0))[0]!.helpful).toBe(true);
    });

    it('state is kept under its key until it expires, replaced by a later write, and deleted on request', async () => {
      const key = `ctx:${Math.random()}`;
      const now = Date.now();
      expect(await store.getState(key)).toBeNull();
      await store.setState(key, '{"intent":"salary"}', now + 60_000);
      expect(await store.getState(key)).toBe('{"intent":"salary"}');
      await store.setState(key, '{"intent":"certs.cpc"}', now + 60_000);
      expect(await store.getState(key)).toBe('{"intent":"certs.cpc"}');
      await store.setState(key, 'old', now - 1);
      expect(await store.getState(key)).toBeNull();
      await store.setState(key, 'again', now + 60_000);
      await store.deleteState(key);
      expect(await store.getState(key)).toBeNull();
    });

    it('a counter counts atomically from 1, also for racing callers, and a purge keeps it until it expires', async () => {
      const key = `count:${Math.random()}`;
      const now = Date.now();
      const counts = await Promise.all(Array.from({ length: 10 }, () => store.increment(key, now + 60_000)));
      expect([...counts].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      await store.purgeBefore(0);
      expect(await store.increment(key, now + 60_000)).toBe(11);
    });

    it('a kept value is written once: later keeps, racing or not, read the first', async () => {
      const key = `secret:${Math.random()}`;
      const kept = await Promise.all(['a', 'b', 'c'].map((v) => store.keepState(key, v)));
      expect(new Set(kept).size).toBe(1);
      expect(await store.keepState(key, 'd')).toBe(kept[0]);
      await store.purgeBefore(Number.MAX_SAFE_INTEGER);
      expect(await store.getState(key)).toBe(kept[0]);
    });

    it('a claim is won once until it expires, also by racing callers', async () => {
      const key = `test:${Math.random()}`;
      const now = Date.now();
      const raced = await Promise.all(Array.from({ length: 8 }, () => store.claim(key, now + 60_000)));
      expect(raced.filter(Boolean)).toHaveLength(1);
      expect(await store.claim(key, now + 60_000)).toBe(false);
      const expired = `test:${Math.random()}`;
      expect(await store.claim(expired, now - 1)).toBe(true);
      expect(await store.claim(expired, now + 60_000)).toBe(true);
    });

    it('since() reads from a time on, oldest first; purgeBefore() deletes older rows and counts them', async () => {
      await store.record(q({ at: 1000 }));
      await store.record(q({ at: 3000 }));
      await store.record(q({ at: 2000 }));
      expect((await store.since(1500)).map((r) => r.at)).toEqual([2000, 3000]);
      expect(await store.purgeBefore(2500)).toBe(2);
      expect((await store.since(0)).map((r) => r.at)).toEqual([3000]);
    });

    it('counts questions for the dashboard by day and outcome, answered intents and feedback, in a period and a channel', async () => {
      const DAY = 86_400_000;
      await store.record(q({ at: 10 * DAY + 5, outcome: 'answer', intent: 'salary', channel: 'web' }));
      await store.record(q({ at: 10 * DAY + 6, outcome: 'fallback', intent: 'none', channel: 'web' }));
      const unhelpful = await store.record(q({ at: 11 * DAY, outcome: 'clarify', intent: 'certs.overview', channel: 'slack' }));
      await store.setFeedback(unhelpful, false, q().userKey);
      await store.record(q({ at: 20 * DAY, outcome: 'answer' }));
      const all = await store.countQuestions(10 * DAY, 12 * DAY);
      expect([...all.perDay].sort((a, b) => a.day - b.day || (a.outcome < b.outcome ? -1 : 1))).toEqual([
        { day: 10, outcome: 'answer', n: 1 },
        { day: 10, outcome: 'fallback', n: 1 },
        { day: 11, outcome: 'clarify', n: 1 },
      ]);
      expect([...all.perIntent].sort((a, b) => (a.intent < b.intent ? -1 : 1))).toEqual([{ intent: 'certs.overview', n: 1 }, { intent: 'salary', n: 1 }]);
      expect({ helpful: all.helpful, unhelpful: all.unhelpful }).toEqual({ helpful: 0, unhelpful: 1 });
      expect((await store.countQuestions(10 * DAY, 12 * DAY, 'slack')).perDay).toEqual([{ day: 11, outcome: 'clarify', n: 1 }]);
      expect((await store.gapQuestions(0, 30 * DAY, 10)).map((r) => r.outcome)).toEqual(['fallback', 'clarify']);
      expect((await store.gapQuestions(0, 30 * DAY, 1)).map((r) => r.outcome)).toEqual(['clarify']);
    });

    it('a record can carry a state write in the same commit: the context is kept (or forgotten) with the question', async () => {
      const id = await store.record(q(), { key: 'context:c1', value: '{"intent":"salary","named":[]}', expiresAtMs: Date.now() + 60_000 });
      expect((await store.since(0)).map((r) => r.id)).toEqual([id]);
      expect(await store.getState('context:c1')).toBe('{"intent":"salary","named":[]}');
      await store.record(q({ at: 2 }), { key: 'context:c1', value: null, expiresAtMs: 0 });
      expect(await store.getState('context:c1')).toBeNull();
      expect((await store.since(0)).length).toBe(2);
    });

    it('keeps the dashboard\'s audit log, newest first', async () => {
      // The audit log is never purged: entries of earlier runs may be there, older than these.
      const at = Date.now() + 60_000;
      await store.audit({ at, who: 'CLI', action: 'added 1 question to salary', detail: 'how much' });
      await store.audit({ at: at + 1, who: 'Slack advisor ab12cd', action: 'added 2 questions to role.duties', detail: 'a | b' });
      expect((await store.auditLog(2)).map((e) => e.who)).toEqual(['Slack advisor ab12cd', 'CLI']);
      expect(await store.auditLog(1)).toEqual([{ at: at + 1, who: 'Slack advisor ab12cd', action: 'added 2 questions to role.duties', detail: 'a | b' }]);
    });

    it.runIf(backend.name === 'postgres')('a second instance opening the same database applies no migration twice and sees the rows', async () => {
      await store.record(q());
      const again = await backend.open();
      expect((await again.since(0)).length).toBe(1);
      await again.close();
    });
  });
}

describe.runIf(pgUp)('PostgreSQL store when the server drops a connection', () => {
  it('an idle connection ended by the server is an error of that connection: reported, and the next query works', async () => {
    const errors: string[] = [];
    const name = `faqbot-drop-${process.pid}`;
    const store = await PostgresStore.open(`${PG_URL}?application_name=${name}`, (e) => errors.push(e.message));
    await store.ping();
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
    await admin.end();
    expect(killed.rowCount).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 40 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(errors.length).toBeGreaterThanOrEqual(1);
    await store.ping();
    await store.close();
  });
});

describe.runIf(pgUp)('PostgreSQL store on a question\'s path', () => {
  it('keeps rate-limit counts in an unlogged table (no disk flush a question) and still counts atomically across connections', async () => {
    const store = await PostgresStore.open(PG_URL!);
    const other = await PostgresStore.open(PG_URL!);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      const kind = await admin.query<{ relpersistence: string }>("SELECT relpersistence FROM pg_class WHERE relname = 'counters'");
      expect(kind.rows[0]?.relpersistence).toBe('u');
      const key = `unlogged-${process.pid}`;
      const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).increment(key, Date.now() + 60_000)));
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await admin.end();
      await store.purgeBefore(Number.MAX_SAFE_INTEGER);
      await Promise.all([store.close(), other.close()]);
    }
  });
});

describe('SQLite file store', () => {
  it('is created with its folder on first start, in WAL mode, and survives reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-wal-'));
    const file = join(dir, 'data', 'faqbot.db');
    const a = new SqliteStore(file);
    await a.record(q());
    await a.close();
    const b = new SqliteStore(file);
    expect((await b.since(0)).length).toBe(1);
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
