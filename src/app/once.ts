import type { Store } from '../store/types.js';

/**
 * Things that must happen once however often they are asked for (one triage post per record, ...):
 * claimed through the store when there is one, so every instance sharing it agrees; otherwise in
 * this process's memory, bounded and expiring.
 */
export class Once {
  private readonly local = new Map<string, number>();

  constructor(
    private readonly store?: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time `key` is claimed within `ttlMs`; false after that. */
  async claim(key: string, ttlMs: number): Promise<boolean> {
    const expiresAt = this.now() + ttlMs;
    if (this.store) return this.store.claim(key, expiresAt);
    const held = this.local.get(key);
    if (held !== undefined && held > this.now()) return false;
    this.local.set(key, expiresAt);
    if (this.local.size > 10_000) this.local.delete(this.local.keys().next().value!);
    return true;
  }
}
