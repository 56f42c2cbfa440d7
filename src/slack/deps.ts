import type { Engine } from '../engine/engine.js';
import type { Logger } from '../log/logger.js';
import { SeenSet } from './seen.js';

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
  /** Where feedback goes. */
  readonly recordFeedback: (feedback: Feedback) => void;
}

/** Default dependencies around an engine. */
export function createSlackDeps(engine: () => Engine, logger: Logger, recordFeedback?: (f: Feedback) => void): SlackDeps {
  return {
    engine,
    logger,
    answered: new SeenSet(10_000),
    threads: new SeenSet(10_000),
    recordFeedback: recordFeedback ?? ((f) => logger.info({ feedback: f }, 'feedback')),
  };
}
