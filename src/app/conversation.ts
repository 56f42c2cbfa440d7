import type { Engine } from '../engine/engine.js';
import type { ConversationContext, Decision } from '../engine/types.js';
import type { StateStore, StateWrite } from '../store/types.js';
import { memoryState } from '../store/memory-state.js';
import type { Logger } from '../log/logger.js';
import type { Metrics } from './metrics.js';
import type { Outcomes } from './outcomes.js';
import type { RateLimiter, RateVerdict } from './rate-limit.js';

/** Minutes of silence after which a conversation's context is forgotten, unless CONTEXT_TTL_MINUTES says otherwise. */
export const DEFAULT_CONTEXT_TTL_MINUTES = 30;

/** Where conversations' contexts are kept: the store (shared by instances, survives restarts) or this process's memory. */
export interface ContextStore {
  get(conversation: string): Promise<ConversationContext | undefined>;
  /** Keeps a context for `ttlMs`; undefined forgets it. */
  set(conversation: string, context: ConversationContext | undefined, ttlMs: number): Promise<void>;
  /** Where contexts are kept, and `set` as a write of that state: so it can share a commit with the question's record. */
  readonly state?: StateStore;
  write?(conversation: string, context: ConversationContext | undefined, ttlMs: number): StateWrite;
}

const KEY = (conversation: string) => `context:${conversation}`;

function parseContext(raw: string | null): ConversationContext | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<ConversationContext>;
    if (typeof v.intent !== 'string' || !Array.isArray(v.named) || !v.named.every((n) => typeof n === 'string')) return undefined;
    return { intent: v.intent, named: v.named };
  } catch {
    return undefined;
  }
}

/** Contexts kept as state (the `Store`, SQLite or PostgreSQL, or a process's memory), each expiring on its own. */
export function storedContexts(state: StateStore, now: () => number = Date.now): ContextStore {
  return {
    get: async (conversation) => parseContext(await state.getState(KEY(conversation))),
    set: async (conversation, context, ttlMs) => {
      if (context) await state.setState(KEY(conversation), JSON.stringify(context), now() + ttlMs);
      else await state.deleteState(KEY(conversation));
    },
    state,
    write: (conversation, context, ttlMs) => ({ key: KEY(conversation), value: context ? JSON.stringify(context) : null, expiresAtMs: now() + ttlMs }),
  };
}

/** Contexts in this process's memory (the CLI, tests without a store), bounded and expiring. */
export function memoryContexts(now: () => number = Date.now): ContextStore {
  return storedContexts(memoryState(10_000, now), now);
}

/** One question as a channel hands it over. */
export interface Question {
  readonly channel: 'slack' | 'web' | 'cli';
  /** The conversation it belongs to: a Slack DM or thread, a web session, a CLI conversation id. */
  readonly conversation: string;
  /** Who asked (Slack user id, web session user); hashed before anything is kept. */
  readonly user: string;
  readonly text: string;
}

/** What became of a question: limited (a notice once, then dropped) or decided, with the stored record's id. */
export type Asked = { readonly kind: 'limited'; readonly verdict: Exclude<RateVerdict, 'answer'> } | { readonly kind: 'decided'; readonly decision: Decision; readonly record?: string };

export interface ConversationOptions {
  readonly engine: () => Engine;
  readonly contexts: ContextStore;
  /** Where outcomes are logged and stored; none: nothing is recorded (the CLI). */
  readonly outcomes?: Outcomes;
  /** The per-person limit; none: no limit (the CLI). */
  readonly limiter?: RateLimiter;
  readonly contextTtlMinutes?: number;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
}

/** How a channel sends an unanswered question to its advisors; a failure is logged, never the asker's problem. */
export type Triage = (decision: Decision, record?: string) => Promise<void>;

/**
 * The one path every channel's questions take: rate limit, context, decide, record, triage.
 * Channels only turn their input into a `Question` and render the decision; none of them keeps
 * a context, counts a rate or records an outcome of its own.
 */
export class ConversationService {
  private readonly ttlMs: number;

  constructor(private readonly options: ConversationOptions) {
    this.ttlMs = (options.contextTtlMinutes ?? DEFAULT_CONTEXT_TTL_MINUTES) * 60_000;
  }

  /** The rate limit alone, for channels that must answer its verdict before their framework runs (the web's 429). */
  async admit(user: string): Promise<RateVerdict> {
    return (await this.options.limiter?.check(user)) ?? 'answer';
  }

  /** Admits, then answers a question. */
  async ask(q: Question, triage?: Triage): Promise<Asked> {
    const verdict = await this.admit(q.user);
    if (verdict !== 'answer') return { kind: 'limited', verdict };
    return this.answer(q, triage);
  }

  /**
   * Answers an admitted question in its conversation's context, keeps the context it leaves, records
   * the outcome, and hands a question it could not answer to `triage` (the channel's advisor post).
   */
  async answer(q: Question, triage?: Triage): Promise<Asked & { kind: 'decided' }> {
    const stop = this.options.metrics?.decisionSeconds.startTimer();
    const context = await this.context(q.conversation);
    const decision = this.options.engine().decide(q.text, context);
    stop?.();
    // The context and the record are written together: in one commit when both live in the same store.
    const contexts = this.options.contexts;
    const outcomes = this.options.outcomes;
    const together = contexts.state && contexts.write && outcomes?.keepsIn(contexts.state) ? contexts.write(q.conversation, decision.context, this.ttlMs) : undefined;
    const [, record] = together
      ? [undefined, await outcomes!.question(q.channel, q.user, decision, together)]
      : await Promise.all([this.keep(q.conversation, decision), outcomes?.question(q.channel, q.user, decision)]);
    // The advisors' post never holds up the asker's answer: it goes out on its own, failures logged.
    if (decision.kind === 'fallback' && q.text.trim() !== '' && triage) {
      void triage(decision, record).catch((error: Error) => this.options.logger?.error({ err: error }, 'could not send a question to advisor triage'));
    }
    return { kind: 'decided', decision, ...(record ? { record } : {}) };
  }

  /** A topic button or command pressed in a conversation: its answer, which becomes the conversation's topic. */
  async topic(conversation: string, intentIds: readonly string[], text = ''): Promise<Decision> {
    const decision = this.options.engine().decideIntents(intentIds, text, await this.context(conversation));
    await this.keep(conversation, decision);
    return decision;
  }

  private async context(conversation: string): Promise<ConversationContext | undefined> {
    try {
      return await this.options.contexts.get(conversation);
    } catch (error) {
      // A store that cannot be read costs the follow-up its context, never the answer.
      this.options.metrics?.storeErrors.inc({ operation: 'context' });
      this.options.logger?.error({ err: error }, 'could not read a conversation context');
      return undefined;
    }
  }

  private async keep(conversation: string, decision: Decision): Promise<void> {
    await this.options.contexts.set(conversation, decision.context, this.ttlMs).catch((error: Error) => {
      this.options.metrics?.storeErrors.inc({ operation: 'context' });
      this.options.logger?.error({ err: error }, 'could not keep a conversation context');
    });
  }
}
