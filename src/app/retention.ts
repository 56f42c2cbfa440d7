import type { Logger } from '../log/logger.js';
import type { Store } from '../store/types.js';

const DAY_MS = 86_400_000;

/** Deletes stored questions older than `days`; returns how many went. */
export async function purgeOld(store: Store, days: number, now = Date.now()): Promise<number> {
  return store.purgeBefore(now - days * DAY_MS);
}

/** Purges now and then once a day; the returned timer does not keep the process alive. */
export function startRetention(store: Store, days: number, logger: Logger): NodeJS.Timeout {
  const run = (): void => {
    purgeOld(store, days).then(
      (n) => logger.info({ purged: n, retentionDays: days }, 'retention purge'),
      (error: Error) => logger.error({ err: error }, 'retention purge failed'),
    );
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return timer;
}
