import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/app/rate-limit.js';

describe('RateLimiter', () => {
  it('answers up to the limit in a window, then one notice, then drops; a new window starts fresh', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect(['a', 'a', 'a', 'a'].map((k) => limiter.check(k))).toEqual(['answer', 'answer', 'notice', 'drop']);
    expect(limiter.check('b')).toBe('answer');
    now = 61_000;
    expect(limiter.check('a')).toBe('answer');
  });

  it('a limit of 0 never limits', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.check('a')).toBe('answer');
  });
});
