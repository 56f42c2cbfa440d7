import type { Engine } from '../engine/engine.js';
import type { Logger } from '../log/logger.js';
import { RateLimiter } from '../app/rate-limit.js';
import { userKeyer } from '../app/question-log.js';
import { Outcomes } from '../app/outcomes.js';
import type { Store } from '../store/types.js';
import type { EditResult } from '../kb/edit.js';
import { SlackState } from './state.js';
import { memoryState } from '../store/memory-state.js';
import { Once } from '../app/once.js';
import { ConversationService, memoryContexts, storedContexts } from '../app/conversation.js';
import { StoredInstallations } from './oauth/installations.js';
import { StoredInstallStates } from './oauth/install-state.js';
import type { SignInLinks } from '../admin/links.js';

/** What every Slack listener needs; passed to each `register` so listeners hold no globals. */
export interface SlackDeps {
  /** The current engine (a getter, so a reloaded knowledge base takes effect at once). */
  readonly engine: () => Engine;
  readonly logger: Logger;
  /** Messages answered, threads followed and triage cases, kept through the store. */
  readonly state: SlackState;
  /** Where questions and feedback are logged and stored. */
  readonly outcomes: Outcomes;
  /** The path every question takes (rate limit, context, decide, record, triage), shared with the web chat. */
  readonly conversations: ConversationService;
  /** Where question outcomes are kept (reports); none: logs only. */
  readonly store?: Store;
  /** Advisors' Slack ids and the channel their triage goes to. */
  readonly advisors: { readonly userIds: ReadonlySet<string>; readonly channelId?: string };
  /** Adds an utterance to an intent in intents/ and reloads (advisor triage); absent: not offered. */
  readonly addUtterance?: (intentId: string, utterance: string) => EditResult;
  /** One-time claims (one triage post per record), through the store when there is one. */
  readonly once: Once;
  /** The advisor dashboard's sign-in links (`/faq dashboard`), and where the dashboard is (PUBLIC_URL). */
  readonly dashboard?: { readonly links: SignInLinks; readonly baseUrl?: string };
  /** With Slack's OAuth flow: each workspace's installation, and the install links' states, in the store. */
  readonly oauth?: { readonly installations: StoredInstallations; readonly states: StoredInstallStates };
}

export interface SlackDepsOptions {
  readonly outcomes?: Outcomes;
  readonly conversations?: ConversationService;
  readonly store?: Store;
  readonly advisorUserIds?: readonly string[];
  readonly advisorChannelId?: string;
  readonly addUtterance?: (intentId: string, utterance: string) => EditResult;
  /** Slack's OAuth flow is on: keep installations and install states (in the store when there is one). */
  readonly oauth?: boolean;
  readonly dashboard?: { readonly links: SignInLinks; readonly baseUrl?: string };
}

/** Default dependencies around an engine. */
export function createSlackDeps(engine: () => Engine, logger: Logger, options: SlackDepsOptions = {}): SlackDeps {
  const once = new Once(options.store);
  const outcomes = options.outcomes ?? new Outcomes(logger, userKeyer());
  return {
    engine,
    logger,
    state: new SlackState(options.store ?? memoryState(), once, Date.now, (error) => logger.error({ err: error }, 'the store could not be used for Slack state; answering anyway')),
    outcomes,
    conversations:
      options.conversations ??
      new ConversationService({ engine, contexts: options.store ? storedContexts(options.store) : memoryContexts(), outcomes, limiter: new RateLimiter(20, options.store), logger }),
    ...(options.store ? { store: options.store } : {}),
    advisors: { userIds: new Set(options.advisorUserIds ?? []), ...(options.advisorChannelId ? { channelId: options.advisorChannelId } : {}) },
    ...(options.addUtterance ? { addUtterance: options.addUtterance } : {}),
    once,
    ...(options.dashboard ? { dashboard: options.dashboard } : {}),
    ...(options.oauth ? { oauth: { installations: new StoredInstallations(options.store ?? memoryState()), states: new StoredInstallStates(options.store ?? memoryState(), once) } } : {}),
  };
}
