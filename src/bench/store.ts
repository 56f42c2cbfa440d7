import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open.js';
import { timeQuestions } from './measure.js';

export interface StoreCost {
  readonly store: string;
  readonly questions: number;
  /** Time the store adds to one question (rate-limit count, context read and write, outcome record), microseconds. */
  readonly p50Us: number;
  readonly p99Us: number;
}

/**
 * What the store adds to a question on the hot path, as the conversation service uses it: the
 * rate-limit count, the context read, and the outcome record written with the context in one
 * commit. Timed in its steady state like the engines (`timeQuestions`): a running server's
 * connections, caches and tables are warm.
 */
export async function measureStore(databaseUrl: string | undefined, questions = 2000): Promise<StoreCost> {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-bench-store-'));
  const store = await openStore({ dataDir: dir, ...(databaseUrl ? { databaseUrl } : {}) });
  // Fifty people asking in turn: the key of each one's counter and context.
  const people = Array.from({ length: 50 }, (_, i) => String(i));
  try {
    const timed = await timeQuestions(async (who) => {
      const now = Date.now();
      await store.increment(`bench-rate:${who}:${Math.floor(now / 60_000)}`, now + 120_000);
      await store.getState(`bench-context:${who}`);
      await store.record(
        { at: now, channel: 'web', userKey: 'bench', question: 'what is the salary', intent: 'salary', confidence: 0.9, outcome: 'answer' },
        { key: `bench-context:${who}`, value: '{"intent":"salary","named":[]}', expiresAtMs: now + 1_800_000 },
      );
    }, people, questions);
    return { store: store.kind, questions, p50Us: timed.p50Us, p99Us: timed.p99Us };
  } finally {
    await store.purgeBefore(Number.MAX_SAFE_INTEGER);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
