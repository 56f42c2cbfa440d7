import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open.js';
import { timeQuestions } from './measure.js';

export interface StoreCost {
  readonly store: string;
  /** Whose path: the conversation service's alone, or a web chat question's whole path. */
  readonly path: 'service' | 'web';
  readonly questions: number;
  /** Time the store adds to one question on that path, microseconds. */
  readonly p50Us: number;
  readonly p99Us: number;
}

/**
 * What the store adds to a question on the hot path. The conversation service's: the rate-limit
 * count, the context read, and the outcome record written with the context in one commit. A web
 * chat question's adds the client address's count before it and Botkit's dialog state read (a
 * question outside a guide leaves that state unchanged, so Botkit writes nothing). Timed in the
 * steady state like the engines (`timeQuestions`): a running server's connections, caches and
 * tables are warm.
 */
export async function measureStore(databaseUrl: string | undefined, questions = 2000): Promise<StoreCost[]> {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-bench-store-'));
  const store = await openStore({ dataDir: dir, ...(databaseUrl ? { databaseUrl } : {}) });
  // Fifty people asking in turn: the key of each one's counters, context and dialog state.
  const people = Array.from({ length: 50 }, (_, i) => String(i));
  const service = async (who: string): Promise<void> => {
    const now = Date.now();
    await store.increment(`bench-rate:${who}:${Math.floor(now / 60_000)}`, now + 120_000);
    await store.getState(`bench-context:${who}`);
    await store.record(
      { at: now, channel: 'web', userKey: 'bench', question: 'what is the salary', intent: 'salary', confidence: 0.9, outcome: 'answer' },
      { key: `bench-context:${who}`, value: '{"intent":"salary","named":[]}', expiresAtMs: now + 1_800_000 },
    );
  };
  const web = async (who: string): Promise<void> => {
    const now = Date.now();
    await store.increment(`bench-rate:addr:${who}:${Math.floor(now / 60_000)}`, now + 120_000);
    await store.getState(`bench-dialog:${who}`);
    await service(who);
  };
  try {
    for (const who of people) await store.setState(`bench-dialog:${who}`, '{"dialogState":{"dialogStack":[]}}', Date.now() + 3_600_000);
    const costs: StoreCost[] = [];
    for (const [path, ask] of [['service', service], ['web', web]] as const) {
      const timed = await timeQuestions(ask, people, questions);
      costs.push({ store: store.kind, path, questions, p50Us: timed.p50Us, p99Us: timed.p99Us });
    }
    return costs;
  } finally {
    await store.purgeBefore(Number.MAX_SAFE_INTEGER);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
