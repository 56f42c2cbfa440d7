/** What to do with a question under the rate limit. */
export type RateVerdict = 'answer' | 'notice' | 'drop';

/**
 * A per-person sliding-window rate limit. Over the limit, the first extra question in a window
 * gets one polite notice and the rest are dropped, so nobody is met with silence and nobody can
 * flood a channel through the bot.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly noticed = new Map<string, number>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question from `key` and says how to treat it. A limit of 0 or less never limits. */
  check(key: string): RateVerdict {
    if (this.perWindow <= 0) return 'answer';
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < this.windowMs);
    if (recent.length < this.perWindow) {
      recent.push(t);
      this.hits.set(key, recent);
      this.forgetOldest();
      return 'answer';
    }
    this.hits.set(key, recent);
    const last = this.noticed.get(key);
    if (last !== undefined && t - last < this.windowMs) return 'drop';
    this.noticed.set(key, t);
    return 'notice';
  }

  private forgetOldest(): void {
    if (this.hits.size <= 50_000) return;
    const oldest = this.hits.keys().next().value!;
    this.hits.delete(oldest);
    this.noticed.delete(oldest);
  }
}
