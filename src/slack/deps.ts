import type { Engine } from '../engine/engine.js';
import type { Logger } from '../log/logger.js';
import { SeenSet } from './seen.js';
import { RateLimiter } from '../app/rate-limit.js';
import { userKeyer } from '../app/question-log.js';

/** A helpful / not helpful press, as the channels report it. */
export interface Feedback {
  readonly channel: 'slack' | 'web';
  readonly user: string;
  readonly intent: string;
  readonly helpful: boolean;
}

/** What every Slack listener needs; passed to each `register` so listeners hold no globals. */
export interface SlackDeps {
  /** The current engine (a getter, so a reloaded knowledge base takes effect at once). */
  readonly engine: () => Engine;
  readonly logger: Logger;
  /** Messages already answered (`channel:ts`): one message gets one reply, whatever Slack re-sends. */
  readonly answered: SeenSet;
  /** Threads the bot has answered in, so follow-ups there are answered too. */
  readonly threads: SeenSet;
  /** Where feedback goes (the user is already an anonymous key). */
  readonly recordFeedback: (feedback: Feedback) => void;
  /** Questions per person per minute. */
  readonly limiter: RateLimiter;
  /** Anonymous key of a Slack user id, for logs and stores. */
  readonly userKey: (id: string) => string;
}

export interface SlackDepsOptions {
  readonly recordFeedback?: (f: Feedback) => void;
  readonly limiter?: RateLimiter;
  readonly userKey?: (id: string) => string;
}

/** Default dependencies around an engine. */
export function createSlackDeps(engine: () => Engine, logger: Logger, options: SlackDepsOptions = {}): SlackDeps {
  return {
    engine,
    logger,
    answered: new SeenSet(10_000),
    threads: new SeenSet(10_000),
    recordFeedback: options.recordFeedback ?? ((f) => logger.info({ feedback: f }, 'feedback')),
    limiter: options.limiter ?? new RateLimiter(20),
    userKey: options.userKey ?? userKeyer(),
  };
}
