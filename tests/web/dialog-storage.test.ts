import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src/app/start.js';
import { createLogger } from '../../src/log/logger.js';
import { memoryState } from '../../src/store/memory-state.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { DialogStorage } from '../../src/web/dialog-storage.js';
import { productEngine } from '../helpers.js';
import { Visitor } from '../support/web-app.js';

describe("Botkit's dialog state", () => {
  it('is read back as written, deleted on request, and gone after its TTL', async () => {
    let now = 1_000_000;
    const storage = new DialogStorage(memoryState(100, () => now), 60_000, () => now);
    await storage.write({ a: { dialogStack: [1] }, b: { x: 'y' } });
    expect(await storage.read(['a', 'b', 'c'])).toEqual({ a: { dialogStack: [1] }, b: { x: 'y' } });
    await storage.delete(['b']);
    expect(await storage.read(['b'])).toEqual({});
    now += 60_001;
    expect(await storage.read(['a'])).toEqual({});
  });

  it('in memory it is bounded: the oldest visitor is forgotten first', async () => {
    const storage = new DialogStorage(memoryState(3), 60_000);
    for (const k of ['a', 'b', 'c', 'd']) await storage.write({ [k]: { k } });
    expect(Object.keys(await storage.read(['a', 'b', 'c', 'd']))).toEqual(['b', 'c', 'd']);
  });

  it('kept in the store, a guide goes on after a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faqbot-dialog-')), 'faqbot.db');
    const engine = productEngine();
    const config = { port: 0, host: '127.0.0.1', logLevel: 'silent' as const, ratePerMinute: 1000, sessionSecret: 's'.repeat(32), dataDir: '.', retentionDays: 90, advisorUserIds: [] };
    const start = async (store: SqliteStore) => startApp({ config, engine: () => engine, logger: createLogger('silent'), store });
    const first = new SqliteStore(file);
    const a = await start(first);
    const v = new Visitor(a.url);
    await v.say('which certification fits me?');
    await a.close();
    await first.close();
    const second = new SqliteStore(file);
    const b = await start(second);
    const after = new Visitor(b.url);
    after.cookie = v.cookie;
    expect((await after.say('yes'))[0].text).toContain('What do you want to focus on');
    await b.close();
    await second.close();
  });
});
