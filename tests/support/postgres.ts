import pg from 'pg';

/** The PostgreSQL of the store tests (`.ci/run` starts one and sets TEST_DATABASE_URL). */
export const PG_URL = process.env.TEST_DATABASE_URL;

/** Whether a server answers at TEST_DATABASE_URL (the PostgreSQL cases are skipped when not). */
export async function postgresReachable(): Promise<boolean> {
  if (!PG_URL) return false;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
