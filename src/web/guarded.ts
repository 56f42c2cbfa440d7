import type { Logger } from '../log/logger.js';

/**
 * A Botkit handler that never throws: Botkit calls handlers from a callback nobody awaits, so a
 * throw there would be an unhandled rejection and a request that never gets its response.
 */
export function guarded<A extends unknown[]>(logger: Logger, handler: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await handler(...args);
    } catch (error) {
      logger.error({ err: error }, 'a web chat handler failed');
    }
  };
}
