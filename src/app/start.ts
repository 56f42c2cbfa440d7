import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AppConfig } from '../config/env.js';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../log/logger.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../slack/app.js';
import { createSlackDeps } from '../slack/deps.js';
import { Outcomes, type Feedback } from './outcomes.js';
import type { Store } from '../store/types.js';
import type { EditResult } from '../kb/edit.js';
import { createHttpServer, type Route } from '../server/http.js';
import { createWebBot } from '../web/bot.js';
import { RateLimiter } from './rate-limit.js';
import { ConversationService, DEFAULT_CONTEXT_TTL_MINUTES, storedContexts } from './conversation.js';
import { memoryState } from '../store/memory-state.js';
import { DialogStorage } from '../web/dialog-storage.js';
import { userKeyer } from './question-log.js';
import { webRoutes } from '../web/routes.js';
import { Sessions } from '../web/session.js';

export interface StartOptions {
  readonly config: AppConfig;
  readonly engine: () => Engine;
  readonly logger: Logger;
  readonly slack?: SlackAppOptions;
  /** Also told of every feedback press (tests). */
  readonly recordFeedback?: (f: Feedback) => void;
  /** Where question outcomes are kept; none: logs only. */
  readonly store?: Store;
  /** Adds an utterance to an intent file and reloads (advisor triage in Slack). */
  readonly addUtterance?: (intentId: string, utterance: string) => EditResult;
}

export interface RunningApp {
  readonly port: number;
  readonly url: string;
  readonly slack?: SlackApp;
  readonly server: Server;
  /** Stops Slack and closes the server and its connections. */
  close(): Promise<void>;
}

/** Starts every channel on one HTTP server: the web chat always, Slack when it is configured. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const outcomes = new Outcomes(logger, userKeyer(config.userKeySalt), options.store, options.recordFeedback);
  // Conversation contexts and dialog state live in the store, so restarts and instances share them.
  const state = options.store ?? memoryState();
  // A guide left alone as long as a conversation's context starts over, like the context itself.
  const dialogs = new DialogStorage(state, (config.contextTtlMinutes ?? DEFAULT_CONTEXT_TTL_MINUTES) * 60_000);
  // One service for every channel, with one limiter: keys are Slack user ids and web session ids, so each person has one budget.
  const conversations = new ConversationService({
    engine: options.engine,
    contexts: storedContexts(state),
    outcomes,
    limiter: new RateLimiter(config.ratePerMinute, state),
    logger,
    ...(config.contextTtlMinutes ? { contextTtlMinutes: config.contextTtlMinutes } : {}),
  });
  const web = createWebBot(options.engine, logger, outcomes, conversations, dialogs);
  const limits = {
    questions: new RateLimiter(config.addressRatePerMinute ?? 120, state),
    sessions: new RateLimiter(config.sessionsPerMinute ?? 30, state),
    trustProxy: config.trustProxy ?? false,
  };
  const routes: Route[] = [...webRoutes(web, new Sessions(config.sessionSecret, config.sessionTtlHours), conversations, () => options.engine().kb.notices, limits)];
  let slack: SlackApp | undefined;
  if (config.slack) {
    const deps = createSlackDeps(options.engine, logger, {
      outcomes,
      conversations,
      ...(options.store ? { store: options.store } : {}),
      advisorUserIds: config.advisorUserIds,
      ...(config.advisorChannelId ? { advisorChannelId: config.advisorChannelId } : {}),
      ...(options.addUtterance ? { addUtterance: options.addUtterance } : {}),
    });
    slack = createSlackApp(config.slack, deps, logger, options.slack);
    if (slack.handleHttp) routes.push({ method: 'POST', path: '/slack/events', handler: slack.handleHttp });
  }
  const server = createHttpServer(routes, (error) => logger.error({ err: error }, 'request failed'), config.connectionsPerClient);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (slack) await slack.start();
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    port,
    url: `http://${host}:${port}/`,
    slack,
    server,
    async close() {
      await slack?.stop().catch((error: Error) => logger.warn({ err: error }, 'stopping Slack failed'));
      await web.shutdown().catch((error: Error) => logger.warn({ err: error }, 'stopping the web chat failed'));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
