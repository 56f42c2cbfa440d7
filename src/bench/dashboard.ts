import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { buildOverview, readOverviewData } from '../admin/overview.js';
import { openStore } from '../store/open.js';
import type { NewQuestion } from '../store/types.js';

export interface DashboardCost {
  readonly store: string;
  readonly rows: number;
  /** Reading the rows of two periods and building the overview, per period, milliseconds (median of 3). */
  readonly ms: Readonly<Record<number, number>>;
}

const QUESTIONS = ['how much does it pay', 'do i need a degree', 'which certification first', 'can i work from home', 'is there a night shift', 'what software will i use', 'how long is training', 'can i do this part time'];

/**
 * What the dashboard's overview costs over `rows` generated questions spread over 90 days (a
 * quarter of them fell back): the store's read of two periods and the overview built from them.
 */
export async function measureDashboard(engine: Engine, rows: number, databaseUrl?: string): Promise<DashboardCost> {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-bench-dashboard-'));
  const store = await openStore({ dataDir: dir, ...(databaseUrl ? { databaseUrl } : {}) });
  const now = Date.now();
  try {
    await store.purgeBefore(Number.MAX_SAFE_INTEGER);
    for (let i = 0; i < rows; i++) {
      const fell = i % 4 === 0;
      const row: NewQuestion = { at: now - Math.floor((i / rows) * 90 * 86_400_000), channel: i % 3 === 0 ? 'slack' : 'web', userKey: `u${i % 500}`, question: `${QUESTIONS[i % QUESTIONS.length]} ${i % 7 === 0 ? 'please' : ''}`.trim(), intent: fell ? 'none' : 'salary', confidence: 0.5, outcome: fell ? 'fallback' : 'answer' };
      await store.record(row);
    }
    const ms: Record<number, number> = {};
    for (const days of [7, 30, 90]) {
      const times: number[] = [];
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        const data = await readOverviewData(store, now, days, 'all');
        buildOverview(data, engine, { now, days, channel: 'all', maxAgeDays: 365 });
        times.push(performance.now() - t0);
      }
      ms[days] = Math.round(times.sort((a, b) => a - b)[1]!);
    }
    await store.purgeBefore(Number.MAX_SAFE_INTEGER);
    return { store: store.kind, rows, ms };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
