import type { StateStore } from './types.js';

/**
 * State in this process's memory, for a process without a store (the CLI, tests): expiring like
 * the store's, and bounded, the oldest entry forgotten first, so no visitor can grow it for ever.
 */
export function memoryState(capacity = 10_000, now: () => number = Date.now): StateStore {
  const kept = new Map<string, { value: string; until: number }>();
  return {
    async getState(key) {
      const entry = kept.get(key);
      if (!entry) return null;
      if (entry.until > now()) return entry.value;
      kept.delete(key);
      return null;
    },
    async setState(key, value, expiresAtMs) {
      kept.delete(key);
      kept.set(key, { value, until: expiresAtMs });
      if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    },
    async deleteState(key) {
      kept.delete(key);
    },
    async increment(key, expiresAtMs) {
      const entry = kept.get(key);
      const count = entry && entry.until > now() ? Number(entry.value) + 1 : 1;
      kept.delete(key);
      kept.set(key, { value: String(count), until: entry && entry.until > now() ? entry.until : expiresAtMs });
      if (kept.size > capacity) kept.delete(kept.keys().next().value!);
      return count;
    },
  };
}
