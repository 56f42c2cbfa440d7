import { scrubSecrets, type Logger } from '../log/logger.js';

/** What the process does with an error nothing else caught. */
export interface LastResortOptions {
  /** Ends the process after an uncaught exception (process.exit; tests pass their own). */
  readonly exit?: (code: number) => void;
}

/** The error and where it came from, redacted: the top of its stack says where to look. */
function describe(reason: unknown): { err: Error; stack: string } {
  const err = reason instanceof Error ? reason : new Error(`non-error value: ${String(reason).slice(0, 200)}`);
  return { err, stack: scrubSecrets(String(err.stack ?? '')).split('\n').slice(1, 6).join('\n') };
}

/**
 * The process's last line of defence. An unhandled promise rejection is logged (redacted, through
 * the logger's serialiser: no session ids, no secrets) and the bot keeps serving: a rejection
 * leaves no half-run synchronous code behind, and the request it belonged to still ends through
 * its own timeout. An uncaught exception is logged and ends the process with code 1: after a
 * synchronous throw escaped, some state may be half-changed, so a supervisor (systemd, Docker,
 * Kubernetes) starts a clean one instead.
 */
export function installLastResort(logger: Logger, options: LastResortOptions = {}): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const onRejection = (reason: unknown): void => {
    logger.error(describe(reason), 'unhandled rejection: logged, still serving');
  };
  const onException = (error: unknown): void => {
    logger.fatal(describe(error), 'uncaught exception: exiting so that a supervisor restarts the bot');
    exit(1);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
