import type { StateStore } from '../store/types.js';
import { memoryState } from '../store/memory-state.js';

/** What to do with a question under the rate limit. */
export type RateVerdict = 'answer' | 'notice' | 'drop';

/**
 * A per-key rate limit in one-minute windows, counted through the store, so every instance on one
 * store counts the same person once (or in bounded memory without one). Over the limit, the first
 * extra question in a window gets one polite notice and the rest are dropped, so nobody is met with
 * silence and nobody can flood a channel through the bot.
 */
export class RateLimiter {
  private readonly state: StateStore;

  constructor(
    private readonly perWindow: number,
    state?: StateStore,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    /** Told when the count cannot be kept (the store is down): the question is then answered, not refused. */
    private readonly onError?: (error: Error) => void,
  ) {
    this.state = state ?? memoryState(50_000, now);
  }

  /** Counts a question from `key` and says how to treat it. A limit of 0 or less never limits. */
  async check(key: string): Promise<RateVerdict> {
    if (this.perWindow <= 0) return 'answer';
    const window = Math.floor(this.now() / this.windowMs);
    let count: number;
    try {
      count = await this.state.increment(`rate:${key}:${window}`, (window + 2) * this.windowMs);
    } catch (error) {
      this.onError?.(error as Error);
      return 'answer';
    }
    if (count <= this.perWindow) return 'answer';
    return count === this.perWindow + 1 ? 'notice' : 'drop';
  }
}
