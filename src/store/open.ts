import { join, resolve } from 'node:path';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

/** The configured store: PostgreSQL when `databaseUrl` is set, otherwise SQLite at `dataDir/faqbot.db`. */
export async function openStore(options: { databaseUrl?: string; dataDir: string; sqliteSynchronous?: 'NORMAL' | 'FULL' }, onError?: (error: Error) => void): Promise<Store> {
  if (options.databaseUrl) return PostgresStore.open(options.databaseUrl, onError);
  return new SqliteStore(join(resolve(options.dataDir), 'faqbot.db'), options.sqliteSynchronous);
}
