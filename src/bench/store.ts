import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open.js';
import { percentile } from './measure.js';

export interface StoreCost {
  readonly store: string;
  readonly questions: number;
  /** Time the store adds to one question (rate-limit count, context read and write, outcome record), microseconds. */
  readonly p50Us: number;
  readonly p99Us: number;
}

/**
 * What the store adds to a question on the hot path, as the conversation service uses it: the
 * rate-limit count, the context read, the context write, and the outcome record, in order.
 */
export async function measureStore(databaseUrl: string | undefined, questions = 2000): Promise<StoreCost> {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-bench-store-'));
  const store = await openStore({ dataDir: dir, ...(databaseUrl ? { databaseUrl } : {}) });
  const samples: number[] = [];
  try {
    for (let i = 0; i < questions + 100; i++) {
      const t0 = process.hrtime.bigint();
      const now = Date.now();
      // As the conversation service does: count, read the context, then write the record with the context in one commit.
      await store.increment(`bench-rate:${i % 50}:${Math.floor(now / 60_000)}`, now + 120_000);
      await store.getState(`bench-context:${i % 50}`);
      await store.record(
        { at: now, channel: 'web', userKey: 'bench', question: 'what is the salary', intent: 'salary', confidence: 0.9, outcome: 'answer' },
        { key: `bench-context:${i % 50}`, value: '{"intent":"salary","named":[]}', expiresAtMs: now + 1_800_000 },
      );
      if (i >= 100) samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    await store.purgeBefore(Number.MAX_SAFE_INTEGER);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  samples.sort((a, b) => a - b);
  return { store: store.kind, questions, p50Us: Math.round(percentile(samples, 50)), p99Us: Math.round(percentile(samples, 99)) };
}
