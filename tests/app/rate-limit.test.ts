import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/app/rate-limit.js';
import { memoryState } from '../../src/store/memory-state.js';
import { SqliteStore } from '../../src/store/sqlite.js';

describe('RateLimiter', () => {
  it('answers up to the limit in a window, then one notice, then drops; a new window starts fresh', async () => {
    let now = 0;
    const limiter = new RateLimiter(2, memoryState(100, () => now), 60_000, () => now);
    const verdicts = [];
    for (const k of ['a', 'a', 'a', 'a']) verdicts.push(await limiter.check(k));
    expect(verdicts).toEqual(['answer', 'answer', 'notice', 'drop']);
    expect(await limiter.check('b')).toBe('answer');
    now = 61_000;
    expect(await limiter.check('a')).toBe('answer');
  });

  it('a limit of 0 never limits', async () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 100; i++) expect(await limiter.check('a')).toBe('answer');
  });

  it('two instances on one store count one person once: 24 questions alternating between them get 20 answers', async () => {
    const store = new SqliteStore(':memory:');
    const now = () => 120_000;
    const [a, b] = [new RateLimiter(20, store, 60_000, now), new RateLimiter(20, store, 60_000, now)];
    const verdicts: string[] = [];
    for (let i = 0; i < 24; i++) verdicts.push(await (i % 2 ? a : b).check('web-someone'));
    expect(verdicts.filter((v) => v === 'answer')).toHaveLength(20);
    expect(verdicts.slice(20)).toEqual(['notice', 'drop', 'drop', 'drop']);
    await store.close();
  });
});

describe('RateLimiter when the store fails', () => {
  it('lets the question through and says so: being down is worse than being generous', async () => {
    const errors: string[] = [];
    const broken = { getState: async () => null, setState: async () => undefined, deleteState: async () => undefined, increment: async () => Promise.reject(new Error('store down')) };
    const limiter = new RateLimiter(1, broken, 60_000, () => 0, (e) => errors.push(e.message));
    expect([await limiter.check('a'), await limiter.check('a')]).toEqual(['answer', 'answer']);
    expect(errors).toEqual(['store down', 'store down']);
  });
});
