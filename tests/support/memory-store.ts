import { SqliteStore } from '../../src/store/sqlite.js';

/** Starts a harness over its own in-memory SQLite store; closing the harness closes the store after it. */
export async function withMemoryStore<H extends { close(): Promise<void> }>(start: (store: SqliteStore) => Promise<H>): Promise<H & { readonly store: SqliteStore }> {
  const store = new SqliteStore(':memory:');
  const h = await start(store);
  return {
    ...h,
    store,
    async close() {
      await h.close();
      await store.close();
    },
  };
}
