import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from '../store/types.js';

/**
 * Botkit's dialog state (where each visitor is in a guide) kept as expiring state: in the `Store`
 * when there is one, so a guide goes on on any instance and after a restart, otherwise in bounded
 * memory. Botkit's own MemoryStorage keeps an entry per visitor for ever; here each entry lives
 * `ttlMs` after its last write. Last write wins (no eTags): one visitor's turns come one at a time.
 */
export class DialogStorage implements Storage {
  constructor(
    private readonly state: StateStore,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const raw = await this.state.getState(`dialog:${key}`);
      if (raw === null) continue;
      try {
        items[key] = JSON.parse(raw) as unknown;
      } catch {
        // A damaged entry is a dialog that starts over, never a failed turn.
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, value] of Object.entries(changes)) await this.state.setState(`dialog:${key}`, JSON.stringify(value), this.now() + this.ttlMs);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.state.deleteState(`dialog:${key}`);
  }
}
