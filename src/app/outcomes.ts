import type { Decision } from '../engine/types.js';
import type { Logger } from '../log/logger.js';
import type { StateWrite, Store } from '../store/types.js';
import { logQuestion, loggableQuestion } from './question-log.js';
import type { Metrics } from './metrics.js';

/** A helpful / not helpful press, as the channels report it. */
export interface Feedback {
  readonly channel: 'slack' | 'web';
  /** Anonymous key of the person who pressed. */
  readonly user: string;
  readonly intent: string;
  readonly helpful: boolean;
  /** The stored question it is about, when there is one. */
  readonly record?: string;
}

/** What became of a feedback press. */
export type FeedbackResult = 'recorded' | 'ignored' | 'logged';

/**
 * Where every channel reports what happened: each question (logged redacted, and kept in the store
 * when there is one) and each feedback press. A store failure is logged and never stops an answer.
 */
export class Outcomes {
  constructor(
    private readonly logger: Logger,
    readonly userKey: (id: string) => string,
    private readonly store?: Store,
    private readonly onFeedback?: (f: Feedback) => void,
    private readonly metrics?: Metrics,
  ) {}

  /** Whether `state` is this outcome store (then a context can be written with a record, in one commit). */
  keepsIn(state: unknown): boolean {
    return this.store !== undefined && this.store === state;
  }

  /** Logs and stores one question's outcome (with `keep` in the same commit); the stored id, for the feedback buttons. */
  async question(channel: 'slack' | 'web' | 'cli', userId: string, decision: Decision, keep?: StateWrite): Promise<string | undefined> {
    const userKey = this.userKey(userId);
    logQuestion(this.logger, channel, userKey, decision);
    this.metrics?.questions.inc({ channel, outcome: decision.kind });
    if (!this.store) return undefined;
    try {
      return await this.store.record({
        at: Date.now(),
        channel,
        userKey,
        question: loggableQuestion(decision, 500),
        intent: decision.intent,
        confidence: decision.confidence,
        outcome: decision.kind,
      }, keep);
    } catch (error) {
      this.metrics?.storeErrors.inc({ operation: 'record' });
      this.logger.error({ err: error }, 'could not store a question outcome');
      return undefined;
    }
  }

  /**
   * Records a feedback press. A press on a stored question counts only from the person who asked
   * it: `ignored` when the record is someone else's (or unknown), so nobody can rate, or send to
   * triage, another person's answer. `logged` when there is no stored question to change.
   */
  async feedback(f: Feedback): Promise<FeedbackResult> {
    if (!this.store || !f.record) {
      this.logger.info({ feedback: f }, 'feedback');
      this.onFeedback?.(f);
      return 'logged';
    }
    try {
      if (!(await this.store.setFeedback(f.record, f.helpful, f.user))) {
        this.logger.warn({ feedback: f }, 'feedback ignored: the question is not this person\'s (or is no longer kept)');
        return 'ignored';
      }
    } catch (error) {
      this.metrics?.storeErrors.inc({ operation: 'feedback' });
      this.logger.error({ err: error }, 'could not store feedback');
    }
    this.logger.info({ feedback: f }, 'feedback');
    this.onFeedback?.(f);
    return 'recorded';
  }
}
