import { randomUUID } from 'node:crypto';
import { Once } from '../app/once.js';
import type { StateStore } from '../store/types.js';

/** A candidate's question waiting for an advisor: where to answer, and the question (redacted). */
export interface TriageCase {
  readonly question: string;
  readonly channel: string;
  readonly threadTs?: string;
}

const DAY_MS = 86_400_000;

/** How long each piece of Slack state is kept. */
export const SLACK_STATE_TTL = Object.freeze({
  /** Slack retries an event for minutes, not days. */
  messageMs: DAY_MS,
  /** A thread the bot answered in is followed for a month. */
  threadMs: 30 * DAY_MS,
  /** A triage case can be acted on for as long as questions are kept. */
  caseMs: 90 * DAY_MS,
});

/**
 * What Slack listeners must remember across requests, restarts and instances, kept through the
 * store (or bounded memory without one): messages already answered (an atomic claim, so two
 * instances that both get a retried event answer once), threads the bot follows, triage cases.
 */
export class SlackState {
  private readonly once: Once;

  constructor(
    private readonly state: StateStore,
    once?: Once,
    private readonly now: () => number = Date.now,
    /** Told when the store cannot be used; the answer then goes out anyway. */
    private readonly onError?: (error: Error) => void,
  ) {
    this.once = once ?? new Once();
  }

  /**
   * True the first time a message (`channel:ts`) is claimed here or on any other instance. With the
   * store down, true: a person answered twice on a retry is better than a person not answered.
   */
  async firstTime(message: string): Promise<boolean> {
    try {
      return await this.once.claim(`slack-message:${message}`, SLACK_STATE_TTL.messageMs);
    } catch (error) {
      this.onError?.(error as Error);
      return true;
    }
  }

  /** Starts following a thread (`channel:thread_ts`): its later messages are answered there. */
  async follow(thread: string): Promise<void> {
    await this.state.setState(`slack-thread:${thread}`, '1', this.now() + SLACK_STATE_TTL.threadMs);
  }

  async follows(thread: string): Promise<boolean> {
    return (await this.state.getState(`slack-thread:${thread}`)) !== null;
  }

  /** True the first time `key` is claimed (one assistant thread title, ...), on any instance. */
  claimOnce(key: string): Promise<boolean> {
    return this.once.claim(`slack-once:${key}`, SLACK_STATE_TTL.threadMs);
  }

  /** The context Slack gave an assistant thread (the channel the person is viewing), kept for the thread's life. */
  async saveAssistantContext(thread: string, context: Readonly<Record<string, unknown>>): Promise<void> {
    await this.state.setState(`assistant-context:${thread}`, JSON.stringify(context), this.now() + SLACK_STATE_TTL.threadMs);
  }

  async assistantContext(thread: string): Promise<Record<string, unknown>> {
    const raw = await this.state.getState(`assistant-context:${thread}`);
    try {
      const value = raw ? (JSON.parse(raw) as unknown) : {};
      return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  /** Keeps a triage case under `key` (a new one when none is given) and returns the key. */
  async putCase(c: TriageCase, key: string = randomUUID()): Promise<string> {
    await this.state.setState(`triage:${key}`, JSON.stringify(c), this.now() + SLACK_STATE_TTL.caseMs);
    return key;
  }

  async getCase(key: string): Promise<TriageCase | undefined> {
    const raw = await this.state.getState(`triage:${key}`);
    if (!raw) return undefined;
    try {
      const c = JSON.parse(raw) as TriageCase;
      return typeof c.question === 'string' && typeof c.channel === 'string' ? c : undefined;
    } catch {
      return undefined;
    }
  }
}
