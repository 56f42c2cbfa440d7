import { describe, expect, it } from 'vitest';
import { withSharedSecrets } from '../../src/app/secrets.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const base = { port: 0, host: '127.0.0.1', logLevel: 'silent' as const, ratePerMinute: 20, dataDir: '.', retentionDays: 90, advisorUserIds: [] };

describe('secrets shared through the store', () => {
  it('unset, they are generated once and every instance (and restart) reads the same', async () => {
    const store = new SqliteStore(':memory:');
    const a = await withSharedSecrets(base, store);
    const b = await withSharedSecrets(base, store);
    expect(a.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(a.userKeySalt).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toMatchObject({ sessionSecret: a.sessionSecret, userKeySalt: a.userKeySalt });
    expect(a.sessionSecret).not.toBe(a.userKeySalt);
    await store.close();
  });

  it('a value set in the environment wins', async () => {
    const store = new SqliteStore(':memory:');
    const c = await withSharedSecrets({ ...base, sessionSecret: 'x'.repeat(32), userKeySalt: 'salt' }, store);
    expect(c).toMatchObject({ sessionSecret: 'x'.repeat(32), userKeySalt: 'salt' });
    await store.close();
  });
});
